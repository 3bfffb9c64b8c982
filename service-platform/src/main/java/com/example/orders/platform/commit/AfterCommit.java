package com.example.orders.platform.commit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * What is true only once a transaction commits: a metric of what it decided ({@code saga_outcomes_total} counts an
 * order's end once, even when its transaction rolls back and is tried again). Work that runs in {@link #inTransaction}
 * (every consumer's, every background worker's, the resources that decide) may {@link #run} an action: it runs after
 * the commit, or never.
 */
public final class AfterCommit {

    private static final Logger LOG = Logger.getLogger(AfterCommit.class);
    private static final String ACTIONS = AfterCommit.class.getName();

    private AfterCommit() {
    }

    /**
     * Runs {@code action} once the transaction this is called in commits; never if it rolls back.
     *
     * @throws IllegalStateException
     *             outside {@link #inTransaction}, where no one would run it
     */
    public static void run(Runnable action) {
        List<Runnable> actions = actions(Vertx.currentContext());
        if (actions == null) {
            throw new IllegalStateException("AfterCommit.run outside AfterCommit.inTransaction: it would never run");
        }
        actions.add(action);
    }

    /** The work in a transaction; once that commits, the actions the work asked for. */
    public static <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            Context context = Vertx.currentContext();
            List<Runnable> actions = new ArrayList<>();
            context.putLocal(ACTIONS, actions);
            return Panache.withTransaction(work::get)
                    .invoke(() -> List.copyOf(actions).forEach(AfterCommit::runQuietly))
                    .onTermination().invoke(() -> context.removeLocal(ACTIONS));
        });
    }

    private static List<Runnable> actions(Context context) {
        return context == null ? null : context.getLocal(ACTIONS);
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.errorf(e, "an action after a commit failed (the commit stands)");
        }
    }
}
