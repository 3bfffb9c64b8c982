package com.example.orders.console.infrastructure;

import java.util.function.Supplier;

import org.apache.kafka.common.KafkaException;

import com.example.orders.console.application.OperationNotDone;
import com.example.orders.operations.OperationFailed;

/**
 * Runs the code of the operations module (what {@code ./suite dlq} and {@code ./suite replay} run) for the console:
 * whatever stops it, its own refusal or a broker that does not answer, reaches the console's pages as
 * {@link OperationNotDone}, with the reason for the operator.
 */
public final class OperationCalls {

    public static <T> T attempt(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (OperationFailed e) {
            throw new OperationNotDone(e.getMessage(), e);
        } catch (KafkaException e) {
            throw new OperationNotDone("the broker cannot be asked now: " + e.getMessage(), e);
        }
    }

    private OperationCalls() {
    }
}
