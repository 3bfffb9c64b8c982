package com.example.orders.order.domain;

import static com.example.orders.order.domain.Orders.T0;
import static com.example.orders.order.domain.Orders.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OrderTest {

    private static final Instant LATER = T0.plusSeconds(5);
    private static final Money TOTAL = Money.of("19.98", "EUR");

    @Test
    void aPlacedOrderWaitsForStockAndAnnouncesItself() {
        Order.Placement placement = Order.place("order-1", "customer-1", null, List.of(OrderItem.unpriced("SKU-1", 2)),
                "tok_ok", T0);

        assertThat(placement.order().status()).isEqualTo(OrderStatus.PENDING);
        assertThat(placement.placed().order()).isSameAs(placement.order());
        assertThat(placement.order().timeline()).extracting(TimelineEntry::step).containsExactly(TimelineStep.PLACED);
    }

    @Test
    void refusesAnOrderWithoutItems() {
        assertThatThrownBy(() -> Order.place("order-1", "customer-1", null, List.of(), "tok_ok", T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Nested
    class HappyPath {

        @Test
        void reservedStockPricesTheItems() {
            Order order = anOrder().withItem("SKU-1", 2).placed();

            order.stockReserved(Orders.priced(order), TOTAL, LATER);

            assertThat(order.status()).isEqualTo(OrderStatus.STOCK_RESERVED);
            assertThat(order.total()).contains(TOTAL);
            assertThat(order.items()).allSatisfy(item -> assertThat(item.price()).contains(Money.of("9.99", "EUR")));
        }

        @Test
        void aCapturedPaymentConfirmsTheOrder() {
            Order order = anOrder().reserved();

            Optional<OrderEvent> emitted = order.paymentCaptured(TOTAL, LATER);

            assertThat(emitted).containsInstanceOf(OrderEvent.Confirmed.class);
            assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
            assertThat(order.timeline()).extracting(TimelineEntry::step)
                    .containsExactly(TimelineStep.PLACED, TimelineStep.STOCK_RESERVED,
                            TimelineStep.PAYMENT_CAPTURED, TimelineStep.CONFIRMED);
        }

        @Test
        void aCaptureThatOvertakesItsReservationStillConfirms() {
            Order order = anOrder().placed();

            assertThat(order.paymentCaptured(TOTAL, LATER)).containsInstanceOf(OrderEvent.Confirmed.class);
            order.stockReserved(Orders.priced(order), TOTAL, LATER.plusSeconds(1));

            assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
            assertThat(order.total()).contains(TOTAL);
            assertThat(order.items()).allSatisfy(item -> assertThat(item.price()).isPresent());
        }

        @Test
        void theSameCaptureTwiceConfirmsOnce() {
            Order order = anOrder().reserved();

            assertThat(order.paymentCaptured(TOTAL, LATER)).isPresent();
            assertThat(order.paymentCaptured(TOTAL, LATER)).isEmpty();
        }
    }

    @Nested
    class FailurePaths {

        @Test
        void cancelsWhenStockIsShort() {
            Order order = anOrder().placed();

            Optional<OrderEvent> emitted = order.stockRejected(CancellationReason.OUT_OF_STOCK, "SKU-1 short", LATER);

            assertThat(emitted).get().isEqualTo(new OrderEvent.Cancelled(order, CancellationReason.OUT_OF_STOCK));
            assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(order.reason()).contains(CancellationReason.OUT_OF_STOCK);
        }

        @Test
        void cancelsWhenThePaymentIsDeclined() {
            Order order = anOrder().reserved();

            Optional<OrderEvent> emitted = order.paymentFailed(CancellationReason.PAYMENT_DECLINED, "declined", LATER);

            assertThat(emitted).containsInstanceOf(OrderEvent.Cancelled.class);
            assertThat(order.reason()).contains(CancellationReason.PAYMENT_DECLINED);
        }

        @Test
        void cancelsWhenTheProviderStaysUnavailable() {
            Order order = anOrder().reserved();

            order.paymentFailed(CancellationReason.PAYMENT_UNAVAILABLE, "no answer for 2 minutes", LATER);

            assertThat(order.reason()).contains(CancellationReason.PAYMENT_UNAVAILABLE);
        }

        @Test
        void aFailureAfterTheOrderEndedChangesNothing() {
            Order order = anOrder().reserved();
            order.paymentCaptured(TOTAL, LATER);

            assertThat(order.paymentFailed(CancellationReason.PAYMENT_DECLINED, "late", LATER)).isEmpty();
            assertThat(order.stockRejected(CancellationReason.OUT_OF_STOCK, "late", LATER)).isEmpty();
            assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        }
    }

    @Nested
    class CustomerCancel {

        @Test
        void beforeTheReservationCancelsAndAsksForCompensation() {
            Order order = anOrder().placed();

            List<OrderEvent> emitted = order.cancelByCustomer(LATER);

            assertThat(emitted).containsExactly(new OrderEvent.CancelRequested(order),
                    new OrderEvent.Cancelled(order, CancellationReason.CUSTOMER_CANCELLED));
            assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        }

        @Test
        void afterTheReservationCancelsToo() {
            Order order = anOrder().reserved();

            order.cancelByCustomer(LATER);

            assertThat(order.reason()).contains(CancellationReason.CUSTOMER_CANCELLED);
        }

        @Test
        void aCaptureRacingTheCancelLeavesTheOrderCancelledForPaymentToRefund() {
            Order order = anOrder().reserved();
            order.cancelByCustomer(LATER);

            Optional<OrderEvent> emitted = order.paymentCaptured(TOTAL, LATER.plusSeconds(1));

            assertThat(emitted).isEmpty();
            assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(order.timeline()).last().satisfies(entry -> assertThat(entry.detail()).contains("refunds"));
        }

        @Test
        void aReservationAfterTheCancelLeavesTheOrderCancelled() {
            Order order = anOrder().placed();
            order.cancelByCustomer(LATER);

            order.stockReserved(Orders.priced(order), TOTAL, LATER.plusSeconds(1));

            assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        }

        @Test
        void isRefusedOnceTheOrderIsConfirmed() {
            Order order = anOrder().reserved();
            order.paymentCaptured(TOTAL, LATER);

            assertThatThrownBy(() -> order.cancelByCustomer(LATER)).isInstanceOf(OrderAlreadyFinal.class)
                    .hasMessageContaining("CONFIRMED");
        }

        @Test
        void isRefusedOnceTheOrderIsCancelled() {
            Order order = anOrder().placed();
            order.cancelByCustomer(LATER);

            assertThatThrownBy(() -> order.cancelByCustomer(LATER)).isInstanceOf(OrderAlreadyFinal.class);
        }
    }

    @Nested
    class Deadlines {

        private static final Duration DEADLINE = Duration.ofMinutes(5);

        @Test
        void anOrderIsFoundOverdueOnceAndSaysWhatIsMissing() {
            Order order = anOrder().placed();

            assertThat(order.overdue(DEADLINE, LATER)).isTrue();
            assertThat(order.overdue(DEADLINE, LATER.plusSeconds(1))).as("once").isFalse();
            assertThat(order.overdueAt()).contains(LATER);
            assertThat(order.timeline()).last().satisfies(entry -> {
                assertThat(entry.step()).isEqualTo(TimelineStep.OVERDUE);
                assertThat(entry.detail()).contains("no stock decision", "PT5M");
            });
            assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        }

        @Test
        void aFinalOrderIsNeverOverdueNorGivenUp() {
            Order order = anOrder().reserved();
            order.paymentCaptured(TOTAL, LATER);

            assertThat(order.overdue(DEADLINE, LATER)).isFalse();
            assertThat(order.giveUp(DEADLINE, LATER)).isEmpty();
            assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        }

        @Test
        void givingUpWithoutAStockDecisionSaysSoBesideTheNearestV1Reason() {
            Order order = anOrder().placed();

            Optional<OrderEvent> cancelled = order.giveUp(DEADLINE, LATER);

            assertThat(cancelled).contains(new OrderEvent.Cancelled(order, CancellationReason.OUT_OF_STOCK,
                    Optional.of(AwaitedReply.STOCK_DECISION)));
            assertThat(order.reason()).contains(CancellationReason.OUT_OF_STOCK);
            assertThat(order.timeline()).extracting(TimelineEntry::step).endsWith(TimelineStep.GAVE_UP,
                    TimelineStep.CANCELLED);
        }

        @Test
        void givingUpWithoutAPaymentOutcomeSaysSoBesideTheNearestV1Reason() {
            Order order = anOrder().reserved();

            Optional<OrderEvent> cancelled = order.giveUp(DEADLINE, LATER);

            assertThat(cancelled).contains(new OrderEvent.Cancelled(order, CancellationReason.PAYMENT_UNAVAILABLE,
                    Optional.of(AwaitedReply.PAYMENT_OUTCOME)));
            assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(order.reason()).contains(CancellationReason.PAYMENT_UNAVAILABLE);
        }
    }
}
