package com.example.orders.payment.infrastructure.persistence;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.example.orders.payment.domain.Money;
import com.example.orders.payment.domain.Payment;
import com.example.orders.payment.domain.PaymentStatus;

/** How a {@link Payment} is stored, with the saga it belongs to. */
@Entity
@Table(name = "payment")
public class PaymentRecord {

    @Id
    @Column(name = "order_id")
    String orderId;
    @Enumerated(EnumType.STRING)
    PaymentStatus status;
    @Column(name = "payment_token")
    String paymentToken;
    BigDecimal amount;
    String currency;
    @Column(name = "capture_id")
    String captureId;
    @Column(name = "refund_id")
    String refundId;
    @Column(name = "correlation_id")
    String correlationId;
    @Column(name = "cause_id")
    String causeId;
    String traceparent;
    @Column(name = "due_since")
    Instant dueSince;
    @Column(name = "next_attempt_at")
    Instant nextAttemptAt;
    int attempts;
    @Column(name = "leased_until")
    Instant leasedUntil;
    @Column(name = "updated_at")
    Instant updatedAt;
    @Version
    long version;

    static PaymentRecord of(Payment payment, String correlationId) {
        PaymentRecord record = new PaymentRecord();
        record.orderId = payment.orderId();
        record.correlationId = correlationId;
        record.update(payment);
        return record;
    }

    void update(Payment payment) {
        status = payment.status();
        paymentToken = payment.paymentToken().orElse(null);
        amount = payment.amount().map(Money::amount).orElse(null);
        currency = payment.amount().map(Money::currency).orElse(null);
        captureId = payment.captureId().orElse(null);
        refundId = payment.refundId().orElse(null);
        dueSince = payment.dueSince().orElse(null);
        nextAttemptAt = payment.nextAttemptAt().orElse(null);
        attempts = payment.attempts();
        updatedAt = Instant.now();
    }

    Payment toPayment() {
        return Payment.restore(orderId, paymentToken, amount == null ? null : new Money(amount, currency), status,
                captureId, refundId, dueSince, nextAttemptAt, attempts);
    }
}
