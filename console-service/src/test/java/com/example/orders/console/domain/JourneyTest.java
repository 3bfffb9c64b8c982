package com.example.orders.console.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class JourneyTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    private static final String ORDER = "order-1";

    @Test
    void showsAnAnswerAfterItsQuestionEvenWhenTheAnswerersClockIsBehind() {
        JournalEvent created = event("created", Fact.ORDER_CREATED, "request-1", 0);
        // inventory's clock is 40 ms behind order-service's: its answer looks older than the question
        JournalEvent reserved = event("reserved", Fact.STOCK_RESERVED, "created", -40);
        JournalEvent captured = event("captured", Fact.PAYMENT_CAPTURED, "reserved", 30);
        JournalEvent confirmed = event("confirmed", Fact.ORDER_CONFIRMED, "captured", 20);

        Journey journey = Journey.of(List.of(confirmed, captured, reserved, created));

        assertThat(journey.steps()).extracting(step -> step.event().eventId())
                .containsExactly("created", "reserved", "captured", "confirmed");
        assertThat(journey.steps().get(1).causedBy()).contains(created);
        assertThat(journey.steps().get(0).causedBy()).as("a request is no event of the order").isEmpty();
        assertThat(journey.state()).contains(SagaState.CONFIRMED);
    }

    @Test
    void interleavesTheBranchesOfOneCauseByTime() {
        JournalEvent created = event("created", Fact.ORDER_CREATED, null, 0);
        JournalEvent cancelled = event("cancelled", Fact.ORDER_CANCELLED, "created", 10);
        JournalEvent reserved = event("reserved", Fact.STOCK_RESERVED, "created", 5);
        JournalEvent released = event("released", Fact.STOCK_RELEASED, "cancelled", 15);
        JournalEvent refundLate = event("refunded", Fact.PAYMENT_REFUNDED, "cancelled", 12);

        Journey journey = Journey.of(List.of(released, refundLate, cancelled, reserved, created));

        assertThat(journey.steps()).extracting(step -> step.event().eventId())
                .containsExactly("created", "reserved", "cancelled", "refunded", "released");
        assertThat(journey.state()).contains(SagaState.CANCELLED);
    }

    @Test
    void keepsEventsWhoseCausesNameEachOtherInsteadOfLosingThem() {
        JournalEvent one = event("one", Fact.STOCK_RESERVED, "two", 0);
        JournalEvent two = event("two", Fact.PAYMENT_CAPTURED, "one", 1);
        JournalEvent self = event("self", Fact.ORDER_CREATED, "self", 2);

        Journey journey = Journey.of(List.of(two, self, one));

        assertThat(journey.steps()).extracting(step -> step.event().eventId()).containsExactly("self", "one", "two");
    }

    @Test
    void aSagaStateOnlyMovesForwardAndItsFirstEndStays() {
        assertThat(Fact.STOCK_RESERVED.after(SagaState.PAID)).isEqualTo(SagaState.PAID);
        assertThat(Fact.ORDER_CREATED.after(SagaState.CONFIRMED)).isEqualTo(SagaState.CONFIRMED);
        assertThat(Fact.ORDER_CANCELLED.after(SagaState.CONFIRMED)).isEqualTo(SagaState.CONFIRMED);
        assertThat(Fact.STOCK_RELEASED.after(SagaState.STOCK_RESERVED)).isEqualTo(SagaState.STOCK_RESERVED);
        assertThat(Fact.STOCK_RELEASED.after(null)).isNull();
        assertThat(Fact.PAYMENT_CAPTURED.after(SagaState.PENDING)).isEqualTo(SagaState.PAID);
    }

    @Test
    void anOrderWithoutEventsHasNoState() {
        assertThat(Journey.of(List.of()).state()).isEmpty();
        assertThat(Journey.of(List.of()).steps()).isEmpty();
    }

    private static JournalEvent event(String id, Fact fact, String cause, long millis) {
        return new JournalEvent(id, ORDER, fact, "x." + fact.name() + ".v1", "test-service", T0.plusMillis(millis),
                "saga-1", cause, UUID.randomUUID().toString().replace("-", ""), "topic", 0, millis + 100, "{}");
    }
}
