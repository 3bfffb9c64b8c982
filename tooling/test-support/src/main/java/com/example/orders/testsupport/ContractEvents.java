package com.example.orders.testsupport;

import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;

import com.example.orders.events.EventEnvelope;
import com.example.orders.events.EventSerde;
import com.example.orders.events.EventType;
import com.example.orders.events.v1.Money;
import com.example.orders.events.v1.OrderConfirmedV1;
import com.example.orders.events.v1.OrderCreatedV1;
import com.example.orders.events.v1.OrderLine;
import com.example.orders.events.v1.PricedLine;
import com.example.orders.events.v1.StockReservedV1;

/** Fixtures: realistic events of the contract, and the Kafka records that carry them as CloudEvents. */
public final class ContractEvents {

    /** An event with the envelope it travels in, as a producer of the contract would send it. */
    public record Sent(EventEnvelope envelope, Record payload) {

        public ProducerRecord<String, byte[]> toRecord() {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(envelope.type().topic(), envelope.subject(),
                    EventSerde.serialize(payload));
            envelope.writeTo(record.headers());
            return record;
        }
    }

    public static Sent asSent(String orderId, Record payload) {
        EventType type = EventType.ofPayload(payload);
        return new Sent(EventEnvelope.startingSaga("/test", type, orderId, Instant.now()), payload);
    }

    public static OrderCreatedV1 orderCreated(String orderId) {
        return new OrderCreatedV1(orderId, "customer-1", "customer-1@example.com",
                List.of(new OrderLine("SKU-1", 2)), "tok_ok", Instant.now());
    }

    public static StockReservedV1 stockReserved(String orderId) {
        Money unitPrice = Money.of("9.99", "EUR");
        return new StockReservedV1(orderId, List.of(new PricedLine("SKU-1", 2, unitPrice)), Money.of("19.98", "EUR"),
                Instant.now());
    }

    public static OrderConfirmedV1 orderConfirmed(String orderId) {
        return new OrderConfirmedV1(orderId, "customer-1", "customer-1@example.com", Money.of("19.98", "EUR"),
                Instant.now());
    }

    private ContractEvents() {
    }
}
