package com.example.orders.platform.background;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;

/**
 * Wakes a background worker when work for it commits, instead of letting it poll: a trigger in the service's database
 * calls {@code pg_notify(channel, '')}, which PostgreSQL delivers at commit (and never for a transaction that rolls
 * back), and this service's one listening connection releases the worker's {@link Wakeup}. A notification sent while
 * the listener was away (a database restart) reached no one, so every (re)subscription wakes the worker too; each
 * worker still looks on a slow timer as the last resort.
 */
@ApplicationScoped
public class CommitNotifications {

    private static final Logger LOG = Logger.getLogger(CommitNotifications.class);

    /** What a worker waits on between rounds. */
    public static final class Wakeup {

        private final Semaphore permits = new Semaphore(0);

        /**
         * Waits until work may have committed since the last call, or {@code atMost}; either way the worker then looks.
         */
        public void await(Duration atMost) throws InterruptedException {
            permits.tryAcquire(atMost.toMillis(), TimeUnit.MILLISECONDS);
            permits.drainPermits();
        }

        /** Wakes the worker now (a shutdown, or work known without the database saying so). */
        public void signal() {
            permits.release();
        }
    }

    private final Vertx vertx;
    private final PgConnectOptions database;
    private final Map<String, Wakeup> wakeups = new ConcurrentHashMap<>();
    private PgSubscriber subscriber;

    CommitNotifications(Vertx vertx,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String databaseUrl,
            @ConfigProperty(name = "quarkus.datasource.username") String databaseUser,
            @ConfigProperty(name = "quarkus.datasource.password") String databasePassword) {
        this.vertx = vertx;
        this.database = PgConnectOptions.fromUri(databaseUrl).setUser(databaseUser).setPassword(databasePassword);
    }

    /** The wakeup of the worker that waits on {@code channel} (a lowercase SQL identifier). */
    public synchronized Wakeup listen(String channel) {
        Wakeup existing = wakeups.get(channel);
        if (existing != null) {
            return existing;
        }
        Wakeup wakeup = new Wakeup();
        wakeups.put(channel, wakeup);
        if (subscriber == null) {
            subscriber = PgSubscriber.subscriber(vertx, database).reconnectPolicy(retries -> 1000L);
            subscriber.connect().onFailure(e -> LOG.warnf("cannot listen for commits (%s): background workers fall "
                    + "back to their timers", e.getMessage()));
        }
        subscriber.channel(channel)
                .subscribeHandler(subscribed -> wakeup.signal())
                .handler(notification -> wakeup.signal());
        return wakeup;
    }

    synchronized void stop(@Observes ShutdownEvent shutdown) {
        wakeups.values().forEach(Wakeup::signal);
        if (subscriber != null) {
            subscriber.close();
        }
    }
}
