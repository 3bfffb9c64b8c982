package com.example.orders.console.api;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.example.orders.console.application.CheckingDeliveries;
import com.example.orders.console.application.ReadingJourneys;
import com.example.orders.console.application.ServiceAdmin;
import com.example.orders.console.domain.JournalEvent;
import com.example.orders.console.domain.Journey;
import com.example.orders.console.domain.OrderSummary;
import com.example.orders.console.domain.SagaState;

/** What the pages show, worked out and formatted here so that the templates only lay it out. */
final class Views {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    record OrderRow(String orderId, String customerId, String placedAt, String state, String reason,
            String endedAt) {

        static OrderRow of(OrderSummary order) {
            return new OrderRow(order.orderId(), dash(order.customerId()), time(order.placedAt()),
                    order.state().name(), dash(order.reason()), order.ended().map(Views::time).orElse("-"));
        }
    }

    /**
     * One step of an order's journey.
     *
     * @param cause
     *            what caused it: the number of an earlier step, or the request or event outside this order
     * @param traceLink
     *            where its trace is shown, or null when no trace viewer is configured
     */
    record StepView(int number, String time, String type, String fact, String producer, String position,
            String eventId, String cause, String traceId, String traceLink, String payload,
            List<CheckingDeliveries.GroupDelivery> deliveries) {
    }

    /**
     * @param deliveriesUnavailable
     *            why it cannot be said now which groups applied what, or null
     */
    record OrderView(String orderId, boolean known, OrderRow order, List<StepView> steps,
            List<DeadLetterPages.LetterView> deadLetters, String deliveriesUnavailable, ServiceAdmin.Holdings held) {
    }

    /** One bar of the last hour's chart: five minutes of ended sagas, confirmed below and cancelled on top. */
    record Bar(int x, String label, long confirmed, long cancelled, int confirmedY, int confirmedHeight,
            int cancelledY, int cancelledHeight) {

        public int labelX() {
            return x + BAR_WIDTH / 2;
        }
    }

    record Overview(String from, String to, long placed, long confirmed, long cancelled,
            Map<String, Long> cancelledBy, List<Bar> bars, long tallest, List<OrderRow> overdue,
            String overdueAfter) {

        public int chartWidth() {
            return bars.size() * (BAR_WIDTH + 8);
        }
    }

    static final int CHART_HEIGHT = 120;
    static final int BAR_WIDTH = 36;
    static final int BUCKETS = 12;

    static OrderView order(ReadingJourneys.OrderJourney journey, CheckingDeliveries.Deliveries deliveries,
            ServiceAdmin.Holdings held, Optional<String> traceLink, Instant now) {
        Map<String, Integer> numbers = new HashMap<>();
        List<StepView> steps = new ArrayList<>();
        for (Journey.Step step : journey.journey().steps()) {
            JournalEvent event = step.event();
            int number = steps.size() + 1;
            numbers.put(event.eventId(), number);
            String cause = step.causedBy().map(by -> "#" + numbers.get(by.eventId()) + " " + shortType(by.type()))
                    .orElseGet(() -> event.cause().map(id -> "request " + id).orElse("-"));
            steps.add(new StepView(number, time(event.occurredAt()), event.type(), event.fact().name(),
                    event.producer(), event.position(), event.eventId(), cause, event.trace().orElse(null),
                    event.trace().flatMap(trace -> traceLink.map(link -> link.replace("{traceId}", trace)))
                            .orElse(null),
                    event.payload(), deliveries.of(event.eventId())));
        }
        OrderRow row = journey.summary().map(OrderRow::of).orElseGet(() -> new OrderRow(journey.orderId(), "-", "-",
                journey.journey().state().map(SagaState::name).orElse("UNKNOWN"), "-", "-"));
        return new OrderView(journey.orderId(), journey.known() || !deliveries.deadLetters().isEmpty(), row, steps,
                deliveries.deadLetters().stream()
                        .map(letter -> DeadLetterPages.LetterView.of(letter, now)).toList(),
                deliveries.unavailable().orElse(null), held);
    }

    static Overview overview(ReadingJourneys.LastHour hour) {
        Duration bucket = Duration.between(hour.from(), hour.to()).dividedBy(BUCKETS);
        long[] confirmed = new long[BUCKETS];
        long[] cancelled = new long[BUCKETS];
        Map<String, Long> cancelledBy = new TreeMap<>();
        for (OrderSummary order : hour.ended()) {
            int index = (int) Math.min(BUCKETS - 1, Math.max(0,
                    Duration.between(hour.from(), order.endedAt()).toMillis() / Math.max(1, bucket.toMillis())));
            if (order.state() == SagaState.CONFIRMED) {
                confirmed[index]++;
            } else {
                cancelled[index]++;
                cancelledBy.merge(dash(order.reason()), 1L, Long::sum);
            }
        }
        long tallest = 1;
        for (int i = 0; i < BUCKETS; i++) {
            tallest = Math.max(tallest, confirmed[i] + cancelled[i]);
        }
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < BUCKETS; i++) {
            int confirmedHeight = (int) Math.round((double) confirmed[i] * CHART_HEIGHT / tallest);
            int cancelledHeight = (int) Math.round((double) cancelled[i] * CHART_HEIGHT / tallest);
            bars.add(new Bar(i * (BAR_WIDTH + 8), MINUTE.format(hour.from().plus(bucket.multipliedBy(i))),
                    confirmed[i], cancelled[i], CHART_HEIGHT - confirmedHeight, confirmedHeight,
                    CHART_HEIGHT - confirmedHeight - cancelledHeight, cancelledHeight));
        }
        long confirmedInAll = hour.ended().stream().filter(order -> order.state() == SagaState.CONFIRMED).count();
        return new Overview(time(hour.from()), time(hour.to()), hour.placed(), confirmedInAll,
                hour.ended().size() - confirmedInAll, cancelledBy, bars, tallest,
                hour.overdue().stream().map(OrderRow::of).toList(), human(hour.overdueAfter()));
    }

    /** 5 min, 1 h 30 min, 45 s. */
    static String human(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 60 != 0 || seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        return minutes < 60
                ? minutes + " min"
                : minutes / 60 + " h" + (minutes % 60 == 0
                        ? ""
                        : " " + minutes % 60
                                + " min");
    }

    static String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant) + " UTC";
    }

    /** {@code StockReserved} of {@code inventory.StockReserved.v1}. */
    static String shortType(String ceType) {
        String[] parts = ceType.split("\\.");
        return parts.length == 3 ? parts[1] : ceType;
    }

    private static String dash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }

    private Views() {
    }
}
