package com.example.orders.console.application;

/** An operation the console was asked for could not be done; the message says why and what to do, for the operator. */
public class OperationNotDone extends RuntimeException {

    public OperationNotDone(String message, Throwable cause) {
        super(message, cause);
    }
}
