package com.example.orders.notification;

import static com.example.orders.testsupport.EventTraffic.reply;
import static com.example.orders.testsupport.EventTraffic.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.example.orders.events.v1.AwaitedReply;
import com.example.orders.events.v1.CancellationReason;
import com.example.orders.events.v1.Money;
import com.example.orders.events.v1.OrderCancelledV1;
import com.example.orders.events.v1.OrderConfirmedV1;
import com.example.orders.platform.inbox.AppliedEvents;
import com.example.orders.platform.persistence.NativeSql;
import com.example.orders.testsupport.ContractEvents;
import com.example.orders.testsupport.DatabaseNotifications;
import com.example.orders.testsupport.InSession;
import com.example.orders.testsupport.RealInfrastructure;
import com.example.orders.testsupport.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** notification-service over real Kafka, PostgreSQL and a real SMTP server: order-service is played by the test. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = "service", value = "notification-service"))
@WithTestResource(value = SmtpSinkResource.class, scope = TestResourceScope.GLOBAL)
class NotifyingCustomersIT {

    @Inject
    AppliedEvents appliedEvents;

    @Test
    void emailsAConfirmedOrderOnceThoughItsFactArrivesTwiceAndIsRepeatedUnderAnotherId() {
        String orderId = anOrderId();
        ContractEvents.Sent confirmed = ContractEvents.asSent(orderId, new OrderConfirmedV1(orderId, "alice",
                "alice@example.com", Money.of("19.98", "EUR"), Instant.now()));
        ContractEvents.Sent sameFactAgain = reply(confirmed.envelope(), confirmed.payload());

        send(confirmed, confirmed, sameFactAgain);

        await().atMost(Duration.ofSeconds(20)).until(() -> SmtpSinkResource.emailsAbout(orderId).size() == 1);
        awaitApplied(sameFactAgain);
        JsonNode email = SmtpSinkResource.emailsAbout(orderId).get(0);
        assertThat(email.get("to").get(0).asText()).isEqualTo("alice@example.com");
        assertThat(email.get("subject").asText()).contains("confirmed");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> SmtpSinkResource.emailsAbout(orderId).size() == 1);
        given().auth().oauth2(TestTokens.admin("ops")).queryParam("orderId", orderId)
                .get("/api/notifications")
                .then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].kind", equalTo("ORDER_CONFIRMED"))
                .body("[0].recipient", equalTo("alice@example.com"))
                .body("[0].sentAt", notNullValue());
    }

    @Test
    void anEmailWrittenWakesTheMailWorkerAtItsCommit() throws Exception {
        String orderId = anOrderId();

        try (DatabaseNotifications written = DatabaseNotifications.listen("notification_due")) {
            send(ContractEvents.asSent(orderId, new OrderConfirmedV1(orderId, "carol", "carol@example.com",
                    Money.of("5.00", "EUR"), Instant.now())));

            // the worker is told at the commit, not left to find it at its next look
            assertThat(written.awaitSome(Duration.ofSeconds(30))).isNotEmpty();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> SmtpSinkResource.emailsAbout(orderId).size() == 1);
    }

    @Test
    void emailsACancelledOrderWithoutAnAddressToTheCustomersFallbackAddress() {
        String orderId = anOrderId();

        send(ContractEvents.asSent(orderId, new OrderCancelledV1(orderId, "bob", null,
                CancellationReason.OUT_OF_STOCK, Instant.now())));

        await().atMost(Duration.ofSeconds(20)).until(() -> SmtpSinkResource.emailsAbout(orderId).size() == 1);
        JsonNode email = SmtpSinkResource.emailsAbout(orderId).get(0);
        assertThat(email.get("to").get(0).asText()).isEqualTo("bob@customers.order-platform.local");
        assertThat(email.get("subject").asText()).contains("cancelled");
    }

    @Test
    void anOrderGivenUpOnWithoutAStockDecisionIsNotToldItsItemsAreOutOfStock() {
        String orderId = anOrderId();

        send(ContractEvents.asSent(orderId, new OrderCancelledV1(orderId, "dave", "dave@example.com",
                CancellationReason.OUT_OF_STOCK, Instant.now(), AwaitedReply.STOCK_DECISION)));

        await().atMost(Duration.ofSeconds(20)).until(() -> SmtpSinkResource.emailsAbout(orderId).size() == 1);
        assertThat(bodyOfTheEmailAbout(orderId)).contains("we could not check our stock in time")
                .doesNotContain("out of stock");
    }

    @Test
    void theLogIsForOperatorsOnly() {
        given().auth().oauth2(TestTokens.customer("alice")).get("/api/notifications").then().statusCode(403);
        given().get("/api/notifications").then().statusCode(401);
        given().auth().oauth2(TestTokens.admin("ops")).queryParam("orderId", "not an id!")
                .get("/api/notifications").then().statusCode(400);
    }

    private static String bodyOfTheEmailAbout(String orderId) {
        return InSession.await(() -> Panache.withSession(() -> Panache.getSession()
                .chain(session -> NativeSql.single(session, String.class,
                        "select body from notification where order_id = $1", orderId))));
    }

    private void awaitApplied(ContractEvents.Sent event) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> InSession.await(() -> appliedEvents.wasApplied(event.envelope().id())));
    }

    private static String anOrderId() {
        return UUID.randomUUID().toString();
    }
}
