package com.example.orders.inventory.application;

import java.util.List;

import com.example.orders.inventory.domain.Reservation;
import com.example.orders.inventory.domain.StockDecision;
import com.example.orders.platform.saga.Cause;

import io.smallrye.mutiny.Uni;

/**
 * Where inventory's decisions go: the outbox, in the caller's transaction, each naming the fact that caused it (a port:
 * {@code infrastructure/messaging} maps them to the contract and implements it).
 */
public interface StockOutbox {

    Uni<Void> reserved(Cause cause, Reservation reservation);

    Uni<Void> rejected(Cause cause, String orderId, StockDecision.Reason reason, List<String> skus);

    Uni<Void> released(Cause cause, Reservation reservation);
}
