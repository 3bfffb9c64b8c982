package com.example.orders.notification.application;

import java.math.BigDecimal;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.example.orders.notification.domain.Notification;
import com.example.orders.platform.saga.Cause;

import io.smallrye.mutiny.Uni;

/**
 * Decides which email a fact deserves and records it, in the caller's transaction, for the mail worker to send. An
 * order is told each outcome once: the notification row is unique per order and kind, so a redelivered or replayed fact
 * finds it and sends nothing.
 */
@ApplicationScoped
public class TellingCustomers {

    private static final Logger LOG = Logger.getLogger(TellingCustomers.class);

    private final NotificationLog notifications;
    private final NotificationServiceConfig config;

    TellingCustomers(NotificationLog notifications, NotificationServiceConfig config) {
        this.notifications = notifications;
        this.config = config;
    }

    public Uni<Void> orderConfirmed(Cause fact, String orderId, String customerId, String customerEmail,
            BigDecimal total, String currency) {
        return tell(fact, Notification.orderConfirmed(orderId, recipient(customerEmail, customerId), total,
                currency));
    }

    public Uni<Void> orderCancelled(Cause fact, String orderId, String customerId, String customerEmail,
            Notification.Cancellation why) {
        return tell(fact, Notification.orderCancelled(orderId, recipient(customerEmail, customerId), why));
    }

    private Uni<Void> tell(Cause fact, Notification notification) {
        return notifications.add(notification, fact.eventId()).invoke(added -> {
            if (!added) {
                LOG.infof("order %s was already told %s; %s sends nothing more", notification.orderId(),
                        notification.kind(), fact.eventId());
            }
        }).replaceWithVoid();
    }

    private String recipient(String customerEmail, String customerId) {
        return Notification.recipientOf(customerEmail, customerId, config.fallbackRecipientDomain());
    }
}
