package com.example.orders.events;

/**
 * A received record is not a valid event of the contract. The message is the reason a dead-letter record carries, so it
 * names what is wrong in a few words.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String reason) {
        super(reason);
    }

    public InvalidEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
