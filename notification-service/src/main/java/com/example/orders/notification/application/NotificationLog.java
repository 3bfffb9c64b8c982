package com.example.orders.notification.application;

import java.time.Instant;
import java.util.List;

import com.example.orders.notification.domain.Notification;

import io.smallrye.mutiny.Uni;

/**
 * The emails decided, to be sent by the mail worker, and the log of what customers were told, in the caller's
 * transaction (a port: {@code infrastructure/persistence} implements it).
 */
public interface NotificationLog {

    /** A line of the log. {@code sentAt} is null until the email is accepted by the mail server. */
    record Logged(String orderId, String kind, String recipient, Instant sentAt) {
    }

    /**
     * @param eventId
     *            the fact that decided it
     * @return false when this order was already told this (nothing added)
     */
    Uni<Boolean> add(Notification notification, String eventId);

    /** The log, newest first; of one order when {@code orderId} is given. */
    Uni<List<Logged>> log(String orderId, int limit);
}
