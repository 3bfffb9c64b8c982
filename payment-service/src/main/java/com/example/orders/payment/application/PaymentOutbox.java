package com.example.orders.payment.application;

import java.util.List;

import com.example.orders.payment.domain.PaymentEvent;

import io.smallrye.mutiny.Uni;

/**
 * Where a payment's outcomes go: the outbox, in the caller's transaction, each naming the event that made the provider
 * call due as its cause (a port: {@code infrastructure/messaging} maps them to the contract and implements it).
 */
public interface PaymentOutbox {

    Uni<Void> emit(PaymentBook.Stored stored, List<PaymentEvent> events);
}
