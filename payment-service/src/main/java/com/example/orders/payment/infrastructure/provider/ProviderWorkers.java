package com.example.orders.payment.infrastructure.provider;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.example.orders.payment.application.PaymentBook;
import com.example.orders.payment.application.PaymentProvider;
import com.example.orders.payment.application.PaymentProviderConfig;
import com.example.orders.payment.application.ProviderNoAnswer;
import com.example.orders.payment.application.TakingPayments;
import com.example.orders.payment.domain.Payment;
import com.example.orders.payment.domain.PaymentStatus;
import com.example.orders.platform.background.BackgroundWorker;
import com.example.orders.platform.background.CommitNotifications;
import com.example.orders.platform.background.Transactions;
import com.example.orders.platform.outage.Outages;
import com.example.orders.platform.outage.TransientFailures;
import com.example.orders.platform.tracing.Tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Makes the provider calls that are due: woken when a payment becomes due (a trigger's notification at its commit, see
 * {@link CommitNotifications}) or, for a retry whose time has come, by its timer, it leases a batch of due payments,
 * calls the provider for each on a small pool of worker threads (the calls block, so they stay off the event loop), and
 * hands each answer to {@link TakingPayments}, which applies it in its own transaction. A worker that dies mid-call
 * leaves its lease to expire; the payment is then called again with the same idempotency key, which the provider
 * answers without charging again.
 */
@ApplicationScoped
class ProviderWorkers {

    private static final Logger LOG = Logger.getLogger(ProviderWorkers.class);

    private final PaymentBook payments;
    private final TakingPayments taking;
    private final PaymentProvider provider;
    private final PaymentProviderConfig config;
    private final Outages.Waiter outage;
    private final CommitNotifications.Wakeup due;
    private final Tracing tracing;
    private BackgroundWorker dispatcher;
    private ExecutorService workers;

    ProviderWorkers(PaymentBook payments, TakingPayments taking, PaymentProvider provider, PaymentProviderConfig config,
            Outages outages, CommitNotifications commits, Tracing tracing) {
        this.payments = payments;
        this.tracing = tracing;
        this.due = commits.listen("payment_due");
        this.outage = outages.worker("payment-provider-dispatcher", true);
        this.taking = taking;
        this.provider = provider;
        this.config = config;
    }

    void start(@Observes StartupEvent started) {
        AtomicInteger number = new AtomicInteger();
        workers = Executors.newFixedThreadPool(config.calls().concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "payment-provider-call-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        dispatcher = BackgroundWorker.start("payment-provider-dispatcher", due, config.calls().pollInterval(), outage,
                this::dispatch);
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        if (dispatcher != null) {
            dispatcher.stop();
        }
        if (workers != null) {
            workers.shutdownNow();
            workers.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /**
     * Leases the calls that are due and makes them.
     *
     * @return true when there were some, as more may be due already
     * @throws RuntimeException
     *             an outage that kept an answer from being recorded: the round waits it out
     */
    private boolean dispatch() throws InterruptedException, ExecutionException {
        List<PaymentBook.Stored> leased = Transactions.await(() -> payments.leaseDue(config.calls().concurrency() * 2,
                config.calls().lease()));
        List<Future<Optional<RuntimeException>>> calls = leased.stream()
                .map(stored -> workers.submit(() -> call(stored)))
                .toList();
        Optional<RuntimeException> outage = Optional.empty();
        for (Future<Optional<RuntimeException>> call : calls) {
            Optional<RuntimeException> failed = call.get();
            outage = outage.or(() -> failed);
        }
        if (outage.isPresent()) {
            throw outage.get();
        }
        return !leased.isEmpty();
    }

    /**
     * Calls the provider for one payment and records its answer, both in one span of the trace of the event that asked
     * for the payment: the provider's request and the event recording its answer continue that trace.
     *
     * @return the outage that kept the answer from being recorded, if one did
     */
    private Optional<RuntimeException> call(PaymentBook.Stored stored) {
        Payment payment = stored.payment();
        String orderId = payment.orderId();
        boolean capture = payment.status() == PaymentStatus.CAPTURING;
        Span span = tracing.continuing(capture ? "capture payment" : "refund payment", SpanKind.INTERNAL,
                stored.traceparent(), orderId);
        try (Scope ignored = span.makeCurrent()) {
            Supplier<Uni<Void>> record;
            try {
                if (capture) {
                    PaymentProvider.CaptureAnswer answer = provider.capture(payment.captureKey(), orderId,
                            payment.paymentToken().orElseThrow(), payment.amount().orElseThrow());
                    record = () -> taking.captureAnswered(orderId, answer);
                } else {
                    PaymentProvider.RefundAnswer answer = provider.refund(payment.refundKey(), payment.captureKey(),
                            payment.amount().orElseThrow());
                    record = () -> taking.refundAnswered(orderId, answer);
                }
            } catch (ProviderNoAnswer e) {
                LOG.debugf("payment of order %s: no answer from the provider (%s)", orderId, e.getMessage());
                span.addEvent("no answer: " + e.getMessage());
                record = () -> taking.providerUnavailable(orderId, e.getMessage());
            }
            Supplier<Uni<Void>> answered = record;
            Transactions.await(() -> Tracing.within(span, answered));
            Tracing.end(span, null);
            return Optional.empty();
        } catch (RuntimeException e) {
            Tracing.end(span, e);
            // the lease runs out and the payment is called again, with the same idempotency key
            if (TransientFailures.isTransient(e)) {
                return Optional.of(e);
            }
            LOG.errorf(e, "payment of order %s: could not record the provider's answer", orderId);
            return Optional.empty();
        }
    }
}
