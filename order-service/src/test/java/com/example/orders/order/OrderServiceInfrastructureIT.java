package com.example.orders.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import com.example.orders.events.EventEnvelope;
import com.example.orders.events.EventSerde;
import com.example.orders.events.EventType;
import com.example.orders.events.Topics;
import com.example.orders.events.v1.Money;
import com.example.orders.events.v1.PricedLine;
import com.example.orders.events.v1.StockReservedV1;
import com.example.orders.platform.inbox.AppliedEvents;
import com.example.orders.testsupport.InSession;
import com.example.orders.testsupport.RealInfrastructure;
import com.example.orders.testsupport.TestInfrastructure;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = "service", value = "order-service"))
class OrderServiceInfrastructureIT {

    @Inject
    AppliedEvents appliedEvents;

    @Test
    void isReadyWhenItsBrokerAndDatabaseAre() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void exposesPrometheusMetrics() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void storesAConsumedEventOnceHoweverOftenItIsDelivered() {
        String orderId = UUID.randomUUID().toString();
        EventEnvelope reserved = EventEnvelope.startingSaga("/inventory-service", EventType.STOCK_RESERVED, orderId,
                Instant.now());
        StockReservedV1 payload = new StockReservedV1(orderId,
                List.of(new PricedLine("SKU-1", 1, Money.of("9.99", "EUR"))), Money.of("9.99", "EUR"), Instant.now());

        try (KafkaCompanion kafka = new KafkaCompanion(TestInfrastructure.kafka().bootstrapServers())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.STOCK_RESERVED_V1, orderId,
                    EventSerde.serialize(payload));
            reserved.writeTo(record.headers());
            kafka.produce(String.class, byte[].class).fromRecords(record, record).awaitCompletion();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> applied(reserved.id()));
        assertThat(countAppliedFor(orderId)).isEqualTo(1);
    }

    private boolean applied(String eventId) {
        return InSession.await(() -> appliedEvents.wasApplied(eventId));
    }

    private long countAppliedFor(String orderId) {
        return InSession.await(() -> Panache.getSession()
                .flatMap(s -> s.createNativeQuery("select count(*) from applied_event where subject = ?1", Long.class)
                        .setParameter(1, orderId)
                        .getSingleResult()));
    }
}
