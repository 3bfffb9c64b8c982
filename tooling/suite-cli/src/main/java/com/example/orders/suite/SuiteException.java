package com.example.orders.suite;

/** Something the operator must fix; its message is printed as the one line that says what. */
public class SuiteException extends RuntimeException {

    SuiteException(String message) {
        super(message);
    }

    SuiteException(String message, Throwable cause) {
        super(message, cause);
    }
}
