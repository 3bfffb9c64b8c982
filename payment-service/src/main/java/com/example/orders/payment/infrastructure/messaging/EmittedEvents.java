package com.example.orders.payment.infrastructure.messaging;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.orders.events.v1.Money;
import com.example.orders.events.v1.PaymentCapturedV1;
import com.example.orders.events.v1.PaymentFailedV1;
import com.example.orders.events.v1.PaymentFailureReason;
import com.example.orders.events.v1.PaymentRefundedV1;
import com.example.orders.payment.application.PaymentBook;
import com.example.orders.payment.application.PaymentOutbox;
import com.example.orders.payment.domain.Payment;
import com.example.orders.payment.domain.PaymentEvent;
import com.example.orders.platform.outbox.Outbox;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Everything payment-service emits, mapped from its domain to the v1 contract and written to the outbox in the caller's
 * transaction: PaymentCaptured, PaymentFailed, PaymentRefunded. Each names the event that made the provider call due as
 * its cause.
 */
@ApplicationScoped
public class EmittedEvents implements PaymentOutbox {

    private final Outbox outbox;

    EmittedEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Uni<Void> emit(PaymentBook.Stored stored, List<PaymentEvent> events) {
        return Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(event -> outbox.emitCausedBy(stored.payment().orderId(),
                        stored.correlationId(), stored.causeId(), stored.traceparent(), toContract(event)))
                .collect().last()
                .replaceWithVoid();
    }

    private static Record toContract(PaymentEvent event) {
        Payment payment = event.payment();
        Instant now = Instant.now();
        if (event instanceof PaymentEvent.Captured) {
            return new PaymentCapturedV1(payment.orderId(), payment.captureId().orElseThrow(), amountOf(payment), now);
        }
        if (event instanceof PaymentEvent.Failed failed) {
            return new PaymentFailedV1(payment.orderId(), onTheWire(failed.reason()),
                    failed.detail(), now);
        }
        return new PaymentRefundedV1(payment.orderId(), payment.refundId().orElseThrow(), amountOf(payment), now);
    }

    private static Money amountOf(Payment payment) {
        com.example.orders.payment.domain.Money amount = payment.amount().orElseThrow();
        return new Money(amount.amount(), amount.currency());
    }

    /** Payment's reason as the contract's: a reason added to the domain fails to compile here. */
    private static PaymentFailureReason onTheWire(PaymentEvent.FailureReason reason) {
        return switch (reason) {
            case DECLINED -> PaymentFailureReason.DECLINED;
            case PROVIDER_UNAVAILABLE -> PaymentFailureReason.PROVIDER_UNAVAILABLE;
        };
    }
}
