package com.example.orders.notification.application;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/** An operator reads what customers were told, of every order or of one. */
@ApplicationScoped
public class ReadingTheLog {

    private final NotificationLog notifications;

    ReadingTheLog(NotificationLog notifications) {
        this.notifications = notifications;
    }

    /** Newest first; of one order when {@code orderId} is not null. */
    public Uni<List<NotificationLog.Logged>> log(String orderId, int limit) {
        return notifications.log(orderId, limit);
    }
}
