package com.example.orders.operations;

/** An operations command cannot do what it was asked; the message says why and what to do, for the operator. */
public final class OperationFailed extends RuntimeException {

    public OperationFailed(String message) {
        super(message);
    }

    public OperationFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
