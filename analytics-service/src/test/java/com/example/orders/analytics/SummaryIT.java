package com.example.orders.analytics;

import static com.example.orders.testsupport.EventTraffic.reply;
import static com.example.orders.testsupport.EventTraffic.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.example.orders.events.v1.CancellationReason;
import com.example.orders.events.v1.Money;
import com.example.orders.events.v1.OrderCancelledV1;
import com.example.orders.events.v1.OrderConfirmedV1;
import com.example.orders.events.v1.OrderCreatedV1;
import com.example.orders.events.v1.OrderLine;
import com.example.orders.platform.inbox.AppliedEvents;
import com.example.orders.testsupport.ContractEvents;
import com.example.orders.testsupport.InSession;
import com.example.orders.testsupport.RealInfrastructure;
import com.example.orders.testsupport.TestTokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** analytics-service's summary over real Kafka and PostgreSQL: order-service is played by the test. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = "service", value = "analytics-service"))
class SummaryIT {

    @Inject
    AppliedEvents appliedEvents;

    @Test
    void foldsOrderFactsWhateverOrderTheyArriveInAndCountsEachOnce() {
        JsonPath before = summary();
        String bestSeller = "SKU-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String confirmedOrder = UUID.randomUUID().toString();
        String cancelledOrder = UUID.randomUUID().toString();
        ContractEvents.Sent placed = placed(confirmedOrder, new OrderLine(bestSeller, 900), new OrderLine("SKU-1", 1));
        ContractEvents.Sent confirmed = reply(placed.envelope(), new OrderConfirmedV1(confirmedOrder, "alice", null,
                Money.of("100.50", "EUR"), Instant.now()));
        ContractEvents.Sent otherPlaced = placed(cancelledOrder, new OrderLine(bestSeller, 5));
        ContractEvents.Sent cancelled = reply(otherPlaced.envelope(), new OrderCancelledV1(cancelledOrder, "bob",
                null, CancellationReason.OUT_OF_STOCK, Instant.now()));

        // the outcome before its order, and everything twice
        send(confirmed, confirmed, cancelled);
        awaitApplied(confirmed);
        awaitApplied(cancelled);
        send(placed, placed, otherPlaced);
        awaitApplied(placed);
        awaitApplied(otherPlaced);

        JsonPath after = summary();
        assertThat(after.getLong("ordersPlaced") - before.getLong("ordersPlaced")).isEqualTo(2);
        assertThat(after.getLong("ordersConfirmed") - before.getLong("ordersConfirmed")).isEqualTo(1);
        assertThat(after.getLong("ordersCancelled") - before.getLong("ordersCancelled")).isEqualTo(1);
        assertThat(new BigDecimal(after.getString("revenue.amount"))
                .subtract(new BigDecimal(before.getString("revenue.amount"))))
                .isEqualByComparingTo("100.50");
        assertThat(after.getString("revenue.currency")).isEqualTo("EUR");
        assertThat(after.getString("topProducts[0].sku")).as("only confirmed orders sell").isEqualTo(bestSeller);
        assertThat(after.getLong("topProducts[0].quantity")).isEqualTo(900);
    }

    @Test
    void theSummaryIsForOperatorsOnly() {
        given().auth().oauth2(TestTokens.customer("alice")).get("/api/analytics/summary").then().statusCode(403);
        given().get("/api/analytics/summary").then().statusCode(401);
    }

    private static JsonPath summary() {
        return given().auth().oauth2(TestTokens.admin("ops")).get("/api/analytics/summary")
                .then().statusCode(200).extract().jsonPath();
    }

    private void awaitApplied(ContractEvents.Sent event) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> InSession.await(() -> appliedEvents.wasApplied(event.envelope().id())));
    }

    private static ContractEvents.Sent placed(String orderId, OrderLine... lines) {
        return ContractEvents.asSent(orderId, new OrderCreatedV1(orderId, "alice", null, List.of(lines), "tok_ok",
                Instant.now()));
    }
}
