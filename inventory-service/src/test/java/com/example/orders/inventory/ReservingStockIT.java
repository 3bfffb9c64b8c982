package com.example.orders.inventory;

import static com.example.orders.testsupport.EventTraffic.awaitOne;
import static com.example.orders.testsupport.EventTraffic.recordsOf;
import static com.example.orders.testsupport.EventTraffic.reply;
import static com.example.orders.testsupport.EventTraffic.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.example.orders.events.EventEnvelope;
import com.example.orders.events.Topics;
import com.example.orders.events.v1.CancellationReason;
import com.example.orders.events.v1.Money;
import com.example.orders.events.v1.OrderCancelledV1;
import com.example.orders.events.v1.OrderConfirmedV1;
import com.example.orders.events.v1.OrderCreatedV1;
import com.example.orders.events.v1.OrderLine;
import com.example.orders.events.v1.PricedLine;
import com.example.orders.events.v1.StockRejectedV1;
import com.example.orders.events.v1.StockRejectionReason;
import com.example.orders.events.v1.StockReleasedV1;
import com.example.orders.events.v1.StockReservedV1;
import com.example.orders.inventory.application.ReservingStock;
import com.example.orders.inventory.domain.Shelf;
import com.example.orders.inventory.domain.StockItem;
import com.example.orders.inventory.infrastructure.persistence.StockItems;
import com.example.orders.platform.inbox.AppliedEvents;
import com.example.orders.platform.saga.Cause;
import com.example.orders.testsupport.ContractEvents;
import com.example.orders.testsupport.InSession;
import com.example.orders.testsupport.RealInfrastructure;
import com.example.orders.testsupport.Replaying;
import com.example.orders.testsupport.TestTokens;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** inventory-service's part of the saga over real Kafka and PostgreSQL: order-service is played by the test. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = "service", value = "inventory-service"))
class ReservingStockIT {

    @Inject
    StockItems stock;

    @Inject
    ReservingStock reserving;

    @Inject
    AppliedEvents appliedEvents;

    @Test
    void reservesEveryLineAtCataloguePrices() {
        String pen = stocked(10, "1.50");
        String ink = stocked(5, "4.00");
        String orderId = anOrderId();

        send(placed(orderId, new OrderLine(pen, 2), new OrderLine(ink, 1), new OrderLine(pen, 1)));

        StockReservedV1 reserved = awaitOne(Topics.STOCK_RESERVED_V1, orderId, StockReservedV1.class);
        assertThat(reserved.lines()).containsExactly(new PricedLine(pen, 3, Money.of("1.50", "EUR")),
                new PricedLine(ink, 1, Money.of("4.00", "EUR")));
        assertThat(reserved.total()).isEqualTo(Money.of("8.50", "EUR"));
        assertThat(item(pen)).extracting(StockItem::available, StockItem::reserved).containsExactly(7, 3);
        assertThat(item(ink)).extracting(StockItem::available, StockItem::reserved).containsExactly(4, 1);
    }

    @Test
    void rejectsAnOrderItCannotFillInFullAndTouchesNoLine() {
        String plenty = stocked(10, "1.00");
        String scarce = stocked(1, "1.00");
        String orderId = anOrderId();

        send(placed(orderId, new OrderLine(plenty, 2), new OrderLine(scarce, 2)));

        StockRejectedV1 rejected = awaitOne(Topics.STOCK_REJECTED_V1, orderId, StockRejectedV1.class);
        assertThat(rejected.reason()).isEqualTo(StockRejectionReason.OUT_OF_STOCK);
        assertThat(rejected.skus()).containsExactly(scarce);
        assertThat(item(plenty).available()).isEqualTo(10);
        assertThat(item(scarce).available()).isEqualTo(1);
        assertThat(recordsOf(Topics.STOCK_RESERVED_V1, orderId)).isEmpty();
    }

    @Test
    void rejectsAnOrderForAProductNotInTheCatalogue() {
        String known = stocked(10, "1.00");
        String unknown = "SKU-NOPE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String orderId = anOrderId();

        send(placed(orderId, new OrderLine(known, 1), new OrderLine(unknown, 1)));

        StockRejectedV1 rejected = awaitOne(Topics.STOCK_REJECTED_V1, orderId, StockRejectedV1.class);
        assertThat(rejected.reason()).isEqualTo(StockRejectionReason.UNKNOWN_SKU);
        assertThat(rejected.skus()).containsExactly(unknown);
        assertThat(item(known).available()).isEqualTo(10);
    }

    @Test
    void sellsTheUnitsOfAConfirmedOrder() {
        String sku = stocked(4, "2.00");
        String orderId = anOrderId();
        ContractEvents.Sent placed = placed(orderId, new OrderLine(sku, 3));
        send(placed);
        awaitOne(Topics.STOCK_RESERVED_V1, orderId);

        send(reply(placed.envelope(), new OrderConfirmedV1(orderId, "customer-1", null, Money.of("6.00", "EUR"),
                Instant.now())));

        await().atMost(Duration.ofSeconds(20)).until(() -> item(sku).reserved() == 0);
        assertThat(item(sku).available()).isEqualTo(1);
    }

    @Test
    void putsTheUnitsOfACancelledOrderBackOnceThoughTheCancelArrivesTwice() {
        String sku = stocked(4, "2.00");
        String orderId = anOrderId();
        ContractEvents.Sent placed = placed(orderId, new OrderLine(sku, 3));
        send(placed);
        awaitOne(Topics.STOCK_RESERVED_V1, orderId);

        ContractEvents.Sent cancelled = reply(placed.envelope(), cancelled(orderId));
        send(cancelled, cancelled);

        StockReleasedV1 released = awaitOne(Topics.STOCK_RELEASED_V1, orderId, StockReleasedV1.class);
        assertThat(released.lines()).containsExactly(new OrderLine(sku, 3));
        assertThat(item(sku)).extracting(StockItem::available, StockItem::reserved).containsExactly(4, 0);
        EventEnvelope releasedEnvelope = awaitOne(Topics.STOCK_RELEASED_V1, orderId);
        assertThat(releasedEnvelope.causation()).contains(cancelled.envelope().id());
        assertThat(releasedEnvelope.correlationId()).isEqualTo(placed.envelope().correlationId());
    }

    @Test
    void rejectsAnOrderWhoseCancelArrivedFirst() {
        String sku = stocked(4, "2.00");
        String orderId = anOrderId();
        ContractEvents.Sent placed = placed(orderId, new OrderLine(sku, 1));

        ContractEvents.Sent cancel = reply(placed.envelope(), cancelled(orderId));
        send(cancel);
        // the two travel on different topics: the order arrives only once the cancel has been applied
        await().atMost(Duration.ofSeconds(20))
                .until(() -> InSession.await(() -> appliedEvents.wasApplied(cancel.envelope().id())));
        send(placed);

        StockRejectedV1 rejected = awaitOne(Topics.STOCK_REJECTED_V1, orderId, StockRejectedV1.class);
        assertThat(rejected.reason()).isEqualTo(StockRejectionReason.ORDER_CANCELLED);
        assertThat(item(sku).available()).isEqualTo(4);
        assertThat(recordsOf(Topics.STOCK_RESERVED_V1, orderId)).isEmpty();
    }

    @Test
    void neverSellsTheLastUnitsTwiceUnderConcurrentOrders() throws Exception {
        String sku = stocked(10, "1.00");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Void>> orders = IntStream.range(0, 40)
                    .mapToObj(i -> anOrderId())
                    .map(orderId -> pool.submit(() -> InSession.await(() -> Panache.withTransaction(
                            () -> reserving.orderPlaced(aCause(orderId), orderId,
                                    List.of(new Shelf.Wanted(sku, 1)))))))
                    .toList();
            for (Future<Void> order : orders) {
                order.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(item(sku)).extracting(StockItem::available, StockItem::reserved).containsExactly(0, 10);
    }

    @Test
    void aReplayOfEverythingItConsumedWhileItRunsChangesNoStockAndEmitsNothingAgain() {
        String sku = stocked(10, "1.00");
        String kept = anOrderId();
        String cancelled = anOrderId();
        ContractEvents.Sent keptPlaced = placed(kept, new OrderLine(sku, 3));
        ContractEvents.Sent cancelledPlaced = placed(cancelled, new OrderLine(sku, 2));
        send(keptPlaced, cancelledPlaced);
        awaitOne(Topics.STOCK_RESERVED_V1, cancelled);
        send(reply(cancelledPlaced.envelope(), cancelled(cancelled)));
        awaitOne(Topics.STOCK_RELEASED_V1, cancelled);
        awaitOne(Topics.STOCK_RESERVED_V1, kept);
        StockItem before = item(sku);

        JsonPath replay = Replaying.replay(Replaying.wholeTopics(List.of(Topics.ORDER_CREATED_V1,
                Topics.ORDER_CONFIRMED_V1, Topics.ORDER_CANCELLED_V1)), false, false);

        assertThat(replay.getString("state")).isEqualTo("DONE");
        assertThat(Replaying.total(replay, "alreadyApplied")).isGreaterThanOrEqualTo(3);
        assertThat(item(sku)).usingRecursiveComparison().isEqualTo(before);
        assertThat(recordsOf(Topics.STOCK_RESERVED_V1, kept)).hasSize(1);
        assertThat(recordsOf(Topics.STOCK_RESERVED_V1, cancelled)).hasSize(1);
        assertThat(recordsOf(Topics.STOCK_RELEASED_V1, cancelled)).hasSize(1);
    }

    @Test
    void onlyAServiceWithAReadModelRebuildsOne() {
        given().auth().oauth2(TestTokens.admin("on-call")).contentType(ContentType.JSON)
                .body(Map.of("partitions", Replaying.wholeTopics(List.of(Topics.ORDER_CREATED_V1)), "dryRun", false,
                        "rebuild", true))
                .post("/ops/replays").then().statusCode(409).contentType("application/problem+json");
    }

    private String stocked(int available, String unitPrice) {
        String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        InSession.await(() -> Panache.withTransaction(
                () -> stock.restock(sku, available, com.example.orders.inventory.domain.Money.of(unitPrice, "EUR"))));
        return sku;
    }

    private StockItem item(String sku) {
        return InSession.await(() -> stock.find(sku)).orElseThrow();
    }

    private static ContractEvents.Sent placed(String orderId, OrderLine... lines) {
        return ContractEvents.asSent(orderId, new OrderCreatedV1(orderId, "customer-1", null, List.of(lines),
                "tok_ok", Instant.now()));
    }

    private static OrderCancelledV1 cancelled(String orderId) {
        return new OrderCancelledV1(orderId, "customer-1", null, CancellationReason.CUSTOMER_CANCELLED,
                Instant.now());
    }

    /** An OrderCreated of the order, as the use case sees it. */
    private static Cause aCause(String orderId) {
        String eventId = UUID.randomUUID().toString();
        return new Cause(eventId, orderId, eventId, Instant.now(), null);
    }

    private static String anOrderId() {
        return UUID.randomUUID().toString();
    }
}
