package com.example.orders.order.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.example.orders.order.domain.OrderEvent;
import com.example.orders.order.domain.TimelineEntry;
import com.example.orders.platform.background.BackgroundWorker;
import com.example.orders.platform.background.CommitNotifications;
import com.example.orders.platform.background.Transactions;
import com.example.orders.platform.commit.AfterCommit;
import com.example.orders.platform.outage.Outages;
import com.example.orders.platform.tracing.Tracing;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Stuck-saga deadlines: no order stays PENDING or STOCK_RESERVED forever, whatever was lost (an event dead-lettered, a
 * consumer down for hours). At {@code orders.saga-deadline} an order is found overdue: its timeline says so, the
 * {@code saga_deadlines_total} metric counts it, and its OrderCreated is sent again with its own ce_id, which a
 * consumer that never applied it now applies and the others skip. At {@code orders.saga-give-up-after} it is cancelled,
 * and inventory and payment give back what they hold, as on every cancel. Each order is changed under its row lock, so
 * instances of the service running side by side act on it once.
 */
@ApplicationScoped
public class WatchingDeadlines {

    private static final Logger LOG = Logger.getLogger(WatchingDeadlines.class);
    private static final int BATCH = 100;

    private final OrderStore orders;
    private final OrderOutbox emitted;
    private final OrderServiceConfig config;
    private final MeterRegistry metrics;
    private final AtomicLong overdueNow = new AtomicLong();
    private final Outages.Waiter outage;
    private final Tracing tracing;
    private BackgroundWorker worker;

    WatchingDeadlines(OrderStore orders, OrderOutbox emitted, OrderServiceConfig config, MeterRegistry metrics,
            Outages outages, Tracing tracing) {
        this.orders = orders;
        this.tracing = tracing;
        // its rounds are minutes apart and it serves no request: its wait is logged and counted, not a readiness matter
        this.outage = outages.worker("saga-deadlines", false);
        this.emitted = emitted;
        this.config = config;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent started) {
        metrics.gauge("saga.orders.overdue", overdueNow);
        // rounds on a timer only: nothing commits that would make an order overdue sooner
        worker = BackgroundWorker.start("saga-deadlines", new CommitNotifications.Wakeup(),
                config.sagaDeadlineCheckInterval(), outage, () -> {
                    check(Instant.now());
                    return false;
                });
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        if (worker != null) {
            worker.stop();
        }
    }

    /** One round: finds the orders overdue now, then gives up on those overdue for long enough. */
    void check(Instant now) {
        Duration deadline = config.sagaDeadline();
        Duration giveUp = config.sagaGiveUpAfter();
        List<String> late = Transactions.await(() -> orders.notYetOverdue(now.minus(deadline), BATCH));
        for (String orderId : late) {
            Transactions.await(() -> inTheOrdersTrace(orderId, "saga deadline: overdue", () -> overdue(orderId, now)));
        }
        List<String> hopeless = Transactions.await(() -> orders.overdueSince(now.minus(giveUp.minus(deadline)),
                BATCH));
        for (String orderId : hopeless) {
            Transactions.await(() -> inTheOrdersTrace(orderId, "saga deadline: give up", () -> giveUp(orderId, now)));
        }
        overdueNow.set(Transactions.await(() -> orders.countOpenSince(now.minus(deadline))));
    }

    private Uni<Void> overdue(String orderId, Instant now) {
        return whenDecided(orderId,
                stored -> stored.order().overdue(config.sagaDeadline(), now) ? Optional.of(stored) : Optional.empty(),
                stored -> {
                    LOG.warnf("order %s is overdue: %s after its placement it is still %s; its OrderCreated goes "
                            + "out again", orderId, config.sagaDeadline(), stored.order().status());
                    count("overdue", stored.order().status().name());
                    return stored.created()
                            .map(sent -> emitted.placedAgain(stored.order(), stored.correlationId(), sent))
                            .orElseGet(() -> Uni.createFrom().voidItem());
                });
    }

    private Uni<Void> giveUp(String orderId, Instant now) {
        return whenDecided(orderId, stored -> {
            String before = stored.order().status().name();
            return stored.order().giveUp(config.sagaGiveUpAfter(), now)
                    .map(cancelled -> new GaveUp(stored, before, cancelled));
        }, gaveUp -> {
            LOG.warnf("order %s gave up on: still %s %s after its placement; cancelled with compensation",
                    orderId, gaveUp.statusBefore(), config.sagaGiveUpAfter());
            count("gave_up", gaveUp.statusBefore());
            String cause = gaveUp.stored().created().map(OrderStore.Sent::eventId).orElse(null);
            return emitted.inSaga(orderId, gaveUp.stored().correlationId(), cause, List.of(gaveUp.cancelled()));
        });
    }

    /**
     * The work in a span of the order's own trace (a child of its placing), so the timeline steps it records and the
     * events it emits join the order's trace.
     */
    private Uni<Void> inTheOrdersTrace(String orderId, String name, Supplier<Uni<Void>> work) {
        return orders.find(orderId)
                .map(found -> found.flatMap(stored -> stored.order().timeline().stream().findFirst())
                        .flatMap(TimelineEntry::trace).orElse(null))
                .chain(placed -> tracing.inSpan(name, placed, orderId, work));
    }

    /**
     * Lets the order decide under its row lock and, when it decided something (it was not final, or not overdue
     * before), acts on that in the same transaction.
     */
    private <T> Uni<Void> whenDecided(String orderId, Function<OrderStore.Stored, Optional<T>> decide,
            Function<T, Uni<Void>> act) {
        return orders.change(orderId, decide)
                .flatMap(changed -> changed.flatMap(decided -> decided)
                        .map(act)
                        .orElseGet(() -> Uni.createFrom().voidItem()));
    }

    /**
     * {@code saga_deadlines_total{action="overdue"|"gave_up", status}}, status being where the order stood; counted
     * once the transaction commits.
     */
    private void count(String action, String status) {
        AfterCommit.run(() -> metrics.counter("saga.deadlines", "action", action, "status", status).increment());
    }

    private record GaveUp(OrderStore.Stored stored, String statusBefore, OrderEvent cancelled) {
    }
}
