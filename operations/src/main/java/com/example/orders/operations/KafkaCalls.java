package com.example.orders.operations;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waits for a call to the broker and turns its failure into what the operator reads. */
final class KafkaCalls {

    /**
     * @param whatFailed
     *            what could not be done, e.g. "cannot read the redrive progress of inventory-service"; the broker's
     *            reason follows it
     */
    static <T> T await(Future<T> call, String whatFailed) {
        try {
            return call.get();
        } catch (ExecutionException e) {
            throw new OperationFailed(whatFailed + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailed(whatFailed + ": interrupted", e);
        }
    }

    private KafkaCalls() {
    }
}
