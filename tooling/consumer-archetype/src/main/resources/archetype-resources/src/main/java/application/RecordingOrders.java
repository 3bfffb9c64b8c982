package ${package}.application;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import ${package}.domain.ReceivedOrder;
import com.example.orders.platform.saga.Cause;

import io.smallrye.mutiny.Uni;

/**
 * The use case: a confirmed order arrived. It runs in the consumer's transaction, which also marks the event applied
 * (service-platform's {@code Consumption}), so whatever it writes is written once however often the event is delivered
 * or replayed. An effect outside the database (an email, a call to another system) does not belong here: record what
 * to do in a table, and let a background worker do it (see notification-service's {@code MailWorker}).
 */
@ApplicationScoped
public class RecordingOrders {

    private final ReceivedOrders received;

    RecordingOrders(ReceivedOrders received) {
        this.received = received;
    }

    public Uni<Void> orderConfirmed(Cause fact, String orderId, String customerId) {
        return received.keep(new ReceivedOrder(orderId, customerId, Instant.now()), fact.eventId());
    }
}
