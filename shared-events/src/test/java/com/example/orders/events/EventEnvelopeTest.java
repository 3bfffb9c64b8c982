package com.example.orders.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:15:30Z");

    @Test
    void writesACloudEventInBinaryModeAndReadsItBack() {
        EventEnvelope created = EventEnvelope.startingSaga("/order-service", EventType.ORDER_CREATED, "order-1", AT)
                .withTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        RecordHeaders headers = new RecordHeaders();

        created.writeTo(headers);

        assertThat(header(headers, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(headers, "ce_type")).isEqualTo("orders.OrderCreated.v1");
        assertThat(header(headers, "ce_subject")).isEqualTo("order-1");
        assertThat(header(headers, "ce_time")).isEqualTo("2026-11-23T10:15:30Z");
        assertThat(header(headers, "content-type")).isEqualTo("application/json");
        assertThat(headers.lastHeader("ce_causationid")).isNull();
        assertThat(EventEnvelope.readFrom(headers)).isEqualTo(created);
    }

    @Test
    void startsASagaWhoseCorrelationIdIsTheFirstEventsId() {
        EventEnvelope created = EventEnvelope.startingSaga("/order-service", EventType.ORDER_CREATED, "order-1", AT);

        assertThat(created.correlationId()).isEqualTo(created.id());
        assertThat(created.causation()).isEmpty();
    }

    @Test
    void anEventCausedByAnotherJoinsItsSagaAndNamesItsCause() {
        EventEnvelope created = EventEnvelope.startingSaga("/order-service", EventType.ORDER_CREATED, "order-1", AT);

        EventEnvelope reserved = EventEnvelope.causedBy(created, "/inventory-service", EventType.STOCK_RESERVED, AT);

        assertThat(reserved.id()).isNotEqualTo(created.id());
        assertThat(reserved.subject()).isEqualTo("order-1");
        assertThat(reserved.correlationId()).isEqualTo(created.correlationId());
        assertThat(reserved.causation()).contains(created.id());
    }

    @Test
    void refusesARecordWithoutAnIdNamingTheMissingHeader() {
        RecordHeaders headers = new RecordHeaders();
        EventEnvelope.startingSaga("/order-service", EventType.ORDER_CREATED, "order-1", AT).writeTo(headers);
        headers.remove("ce_id");

        assertThatThrownBy(() -> EventEnvelope.readFrom(headers))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("missing header ce_id");
    }

    @Test
    void refusesAnEventTypeOutsideTheContract() {
        RecordHeaders headers = new RecordHeaders();
        EventEnvelope.startingSaga("/order-service", EventType.ORDER_CREATED, "order-1", AT).writeTo(headers);
        headers.remove("ce_type");
        headers.add("ce_type", "orders.OrderTeleported.v1".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> EventEnvelope.readFrom(headers))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("orders.OrderTeleported.v1");
    }

    @Test
    void mapsEveryEventTypeToItsTopicAndBack() {
        for (EventType type : EventType.values()) {
            assertThat(EventType.ofTopic(type.topic())).contains(type);
            assertThat(EventType.ofCeType(type.ceType())).contains(type);
            assertThat(type.topic()).matches("[a-z]+\\.[a-z-]+\\.v[0-9]+");
        }
    }

    private static String header(RecordHeaders headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
