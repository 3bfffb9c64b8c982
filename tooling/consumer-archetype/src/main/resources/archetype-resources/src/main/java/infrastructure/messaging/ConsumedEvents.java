package ${package}.infrastructure.messaging;

import java.util.concurrent.Flow;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import ${package}.application.RecordingOrders;
import com.example.orders.events.Topics;
import com.example.orders.events.v1.OrderConfirmedV1;
import com.example.orders.platform.messaging.Consumption;
import com.example.orders.platform.messaging.EventConsumer;

/**
 * Everything ${artifactId} consumes, in consumer group ${artifactId}. Each channel is named after its topic and returns
 * {@link Consumption#channel}: the platform reads each record as the contract's event, applies it once in a
 * transaction with the mark that it was applied, waits out an outage of the database, and sends a record that can
 * never succeed to ${artifactId}.dlq with the reason. Its entry in shared-events' consumers.yaml must list these topics
 * and every payload field read here (the architecture test checks it).
 */
@ApplicationScoped
public class ConsumedEvents implements EventConsumer {

    private final Consumption consumption;
    private final RecordingOrders recording;

    ConsumedEvents(Consumption consumption, RecordingOrders recording) {
        this.consumption = consumption;
        this.recording = recording;
    }

    @Incoming(Topics.ORDER_CONFIRMED_V1)
    public Flow.Subscriber<Message<byte[]>> onOrderConfirmed() {
        return consumption.channel(OrderConfirmedV1.class,
                (cause, confirmed) -> recording.orderConfirmed(cause, confirmed.orderId(), confirmed.customerId()));
    }
}
