package com.example.orders.platform.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.example.orders.events.EventEnvelope;
import com.example.orders.events.EventSerde;
import com.example.orders.events.EventType;
import com.example.orders.events.InvalidEventException;
import com.example.orders.platform.saga.Cause;

/**
 * A received Kafka record read as an event of the contract: its CloudEvents envelope and its typed payload. Services
 * map the payload to their own domain types right after this, and hand their use cases its {@link #cause()}.
 */
public record InboundEvent<T extends Record>(EventEnvelope envelope, T payload) {

    /**
     * @throws InvalidEventException
     *             when the record is not the event its topic carries, naming what is wrong; the consumer's failure
     *             strategy then sends it to the dead-letter topic
     */
    public static <T extends Record> InboundEvent<T> read(ConsumerRecord<String, byte[]> record, Class<T> payloadType) {
        EventEnvelope envelope = EventEnvelope.readFrom(record.headers());
        EventType expected = EventType.ofTopic(record.topic())
                .orElseThrow(() -> new InvalidEventException("topic " + record.topic() + " is not in the contract"));
        if (envelope.type() != expected || expected.payloadType() != payloadType) {
            throw new InvalidEventException(
                    "ce_type " + envelope.type().ceType() + " does not travel on " + record.topic());
        }
        return new InboundEvent<>(envelope, EventSerde.deserialize(record.value(), payloadType));
    }

    /** What the service's use cases see of the envelope: the envelope itself stops at the messaging edge. */
    public Cause cause() {
        return new Cause(envelope.id(), envelope.subject(), envelope.correlationId(), envelope.time(),
                envelope.traceparent());
    }
}
