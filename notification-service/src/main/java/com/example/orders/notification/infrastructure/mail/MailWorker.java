package com.example.orders.notification.infrastructure.mail;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.example.orders.notification.application.NotificationServiceConfig;
import com.example.orders.notification.domain.Notification;
import com.example.orders.notification.infrastructure.persistence.Notifications;
import com.example.orders.platform.background.BackgroundWorker;
import com.example.orders.platform.background.CommitNotifications;
import com.example.orders.platform.background.Transactions;
import com.example.orders.platform.outage.Outages;
import com.example.orders.platform.tracing.Tracing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Sends the recorded notifications over SMTP on a thread of its own, woken when one is written (a trigger's
 * notification at its commit, see {@link CommitNotifications}) or by its timer for a retry that came due, and marks
 * each sent once the mail server has accepted it. A mail server that is down delays the emails; it loses none. Every
 * email carries a Message-ID made from its notification, so in the one case where an email can go out twice (this
 * process dies after the server accepted it and before the mark commits) the copies are recognisably the same message.
 */
@ApplicationScoped
class MailWorker {

    private static final Logger LOG = Logger.getLogger(MailWorker.class);
    private static final int BATCH = 20;

    private final Notifications notifications;
    private final Mailer mailer;
    private final NotificationServiceConfig config;
    private final Counter sent;
    private final Counter failed;
    private final Outages.Waiter database;
    private final Outages.Waiter mailServer;
    private final CommitNotifications.Wakeup written;
    private final Tracing tracing;
    private BackgroundWorker worker;

    MailWorker(Notifications notifications, Mailer mailer, NotificationServiceConfig config, MeterRegistry metrics,
            Outages outages, CommitNotifications commits, Tracing tracing) {
        this.notifications = notifications;
        this.tracing = tracing;
        this.written = commits.listen("notification_due");
        this.database = outages.worker("notification-mail", true);
        this.mailServer = outages.worker("mail-server", false);
        this.mailer = mailer;
        this.config = config;
        this.sent = Counter.builder("notifications.sent").description("emails accepted by the mail server")
                .register(metrics);
        this.failed = Counter.builder("notifications.failed")
                .description("attempts the mail server refused or missed (tried again later)")
                .register(metrics);
    }

    void start(@Observes StartupEvent started) {
        worker = BackgroundWorker.start("notification-mail", written, config.mail().pollInterval(), database,
                this::sendDue);
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        if (worker != null) {
            worker.stop();
        }
    }

    /** Sends a batch of the due emails; true when it was full, as more may be due. */
    private boolean sendDue() {
        List<Notifications.Leased> due = Transactions.await(() -> notifications.leaseUnsent(BATCH,
                config.mail().lease()));
        due.forEach(this::send);
        return due.size() == BATCH;
    }

    /** Sends one email, in a span of the trace of the event's handling that wrote it. */
    private void send(Notifications.Leased leased) {
        Notification notification = leased.notification();
        Span span = tracing.continuing("send email " + notification.kind(), SpanKind.CLIENT, leased.traceparent(),
                notification.orderId());
        try (Scope ignored = span.makeCurrent()) {
            send(notification);
            Tracing.end(span, null);
        } catch (RuntimeException e) {
            Tracing.end(span, e);
            throw e;
        }
    }

    private void send(Notification notification) {
        try {
            mailer.send(Mail.withText(notification.recipient(), notification.subject(), notification.body())
                    .addHeader("Message-ID", "<" + notification.id() + "@" + config.fallbackRecipientDomain() + ">")
                    .addHeader("X-Order-Id", notification.orderId()));
        } catch (RuntimeException e) {
            Span.current().recordException(e).setStatus(StatusCode.ERROR, "not sent, tried again later");
            failed.increment();
            if (mailServer.roundFailed(e)) {
                // one line per mail-server outage, not one per email
                LOG.debugf("email %s of order %s not sent, trying again later: %s", notification.kind(),
                        notification.orderId(), e.toString());
            } else {
                LOG.warnf("email %s of order %s not sent, trying again later: %s", notification.kind(),
                        notification.orderId(), e.toString());
            }
            Transactions.await(() -> notifications.markFailed(notification.id(), e.toString(),
                    Instant.now().plus(config.mail().retryAfter())));
            return;
        }
        mailServer.roundSucceeded();
        sent.increment();
        Transactions.await(() -> notifications.markSent(notification.id()));
    }
}
