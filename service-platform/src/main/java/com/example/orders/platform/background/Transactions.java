package com.example.orders.platform.background;

import java.util.function.Supplier;

import com.example.orders.platform.commit.AfterCommit;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * Runs a transaction from a service's own background thread (a worker that calls an outside system and blocks) and
 * waits for it. The work runs on a Vert.x context, as Hibernate Reactive requires; the calling thread only waits. Never
 * call it from the event loop.
 */
public final class Transactions {

    public static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> AfterCommit.inTransaction(work));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private Transactions() {
    }
}
