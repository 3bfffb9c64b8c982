package com.example.orders.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an end-to-end scenario checks after the saga ran: orders at their final state, stock, the provider's books and
 * the emails, each waited for (the saga is asynchronous) and then held exactly.
 */
final class Outcomes {

    static final Duration SAGA = Duration.ofSeconds(60);
    static final Set<String> FINAL = Set.of("CONFIRMED", "CANCELLED");

    private final Api api;

    Outcomes(Api api) {
        this.api = api;
    }

    String stocked(int available, String unitPrice) {
        String sku = "SKU-" + shortId();
        api.stock(sku, available, unitPrice);
        return sku;
    }

    String shortId() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    List<String> placeAll(List<CompletableFuture<Api.Answer>> placed) {
        return placed.stream().map(CompletableFuture::join).map(answer -> {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
            return answer.body().get("orderId").asText();
        }).toList();
    }

    JsonNode awaitFinal(String orderId) {
        await().atMost(SAGA).until(() -> FINAL.contains(api.order(orderId).get("status").asText()));
        return api.order(orderId);
    }

    Map<String, JsonNode> awaitAllFinal(List<String> orderIds) {
        Map<String, JsonNode> finals = new HashMap<>();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            for (String orderId : orderIds) {
                if (!finals.containsKey(orderId)) {
                    JsonNode order = api.order(orderId);
                    if (FINAL.contains(order.get("status").asText())) {
                        finals.put(orderId, order);
                    }
                }
            }
            return finals.size() == orderIds.size();
        });
        return finals;
    }

    void assertCancelled(String orderId, String reason) {
        JsonNode order = awaitFinal(orderId);
        assertThat(order.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(order.get("reason").asText()).isEqualTo(reason);
    }

    void awaitStock(String sku, int available, int reserved) {
        await().atMost(SAGA).untilAsserted(() -> {
            JsonNode stock = api.stockOf(sku);
            assertThat(stock.get("available").asInt()).as("available " + sku).isEqualTo(available);
            assertThat(stock.get("reserved").asInt()).as("reserved " + sku).isEqualTo(reserved);
        });
    }

    void assertNoCaptureStanding(String orderId) {
        JsonNode ledger = api.ledgerOf(orderId);
        assertThat(ledger.get("captures").size() - ledger.get("refunds").size()).as("captures left standing")
                .isZero();
    }

    void awaitNoCaptureStanding(String orderId) {
        await().atMost(SAGA).untilAsserted(() -> assertNoCaptureStanding(orderId));
    }

    void assertEveryConfirmedOrderChargedOnceAndNoOtherCharged(Map<String, JsonNode> finals) {
        finals.forEach((orderId, order) -> {
            if (order.get("status").asText().equals("CONFIRMED")) {
                JsonNode ledger = api.ledgerOf(orderId);
                assertThat(ledger.get("captures")).as("captures of confirmed order %s", orderId).hasSize(1);
                assertThat(ledger.get("refunds")).as("refunds of confirmed order %s", orderId).isEmpty();
            } else {
                awaitNoCaptureStanding(orderId);
            }
        });
    }

    void awaitExactlyOneEmail(String orderId, String subjectWord) {
        await().atMost(SAGA).until(() -> api.emailsAbout(orderId).size() == 1);
        assertThat(api.emailsAbout(orderId).get(0).get("subject").asText()).contains(subjectWord);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> api.emailsAbout(orderId).size() == 1);
        assertThat(api.notificationsOf(orderId)).hasSize(1);
    }
}
