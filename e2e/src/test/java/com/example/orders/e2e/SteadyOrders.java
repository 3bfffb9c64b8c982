package com.example.orders.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client app under steady load, as the gateway sees one: a new order every so often, each POSTed with its own
 * Idempotency-Key and, when the answer is not an acceptance (a 5xx, a 429, no answer at all), POSTed again with the
 * same key and body after a pause (the Retry-After when there is one) until it is accepted. A 4xx other than 429 is a
 * refusal and is kept as such: with valid orders there should be none.
 */
final class SteadyOrders implements AutoCloseable {

    /** One order the client placed: what it asked for, and the order id once accepted. */
    record Placed(String key, String sku, int quantity, String paymentToken, String orderId, int attempts) {
    }

    /** One order the front door refused for good. */
    record Refused(String key, int status, String body) {
    }

    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);

    private final URI orders;
    private final List<String> customerTokens;
    private final List<String> skus;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService clients = Executors.newFixedThreadPool(32);
    private final Random random = new Random();
    private final AtomicInteger placedSoFar = new AtomicInteger();
    private final Queue<Placed> accepted = new ConcurrentLinkedQueue<>();
    private final Queue<Refused> refused = new ConcurrentLinkedQueue<>();
    private final AtomicInteger retries = new AtomicInteger();

    /**
     * @param perSecond
     *            orders started per second
     * @param skus
     *            what the orders buy: one line of one of these each, quantity 1 or 2
     */
    SteadyOrders(URI gateway, List<String> customerTokens, List<String> skus, int perSecond) {
        this.orders = gateway.resolve("/api/orders");
        this.customerTokens = customerTokens;
        this.skus = skus;
        pacer.scheduleAtFixedRate(() -> clients.execute(this::placeOne), 0, 1_000 / perSecond,
                TimeUnit.MILLISECONDS);
    }

    /** Stops starting orders and waits until every one started is accepted or refused. */
    void finish(Duration atMost) throws InterruptedException {
        pacer.shutdownNow();
        pacer.awaitTermination(5, TimeUnit.SECONDS);
        clients.shutdown();
        if (!clients.awaitTermination(atMost.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("orders still not accepted after " + atMost + ": " + (placedSoFar.get()
                    - accepted.size() - refused.size()) + " of " + placedSoFar.get());
        }
    }

    List<Placed> accepted() {
        return List.copyOf(accepted);
    }

    List<Refused> refused() {
        return List.copyOf(refused);
    }

    /** POSTs that were not accepted the first time and were sent again with the same key. */
    int retries() {
        return retries.get();
    }

    private void placeOne() {
        int n = placedSoFar.getAndIncrement();
        String key = "steady-" + UUID.randomUUID();
        String sku = skus.get(random.nextInt(skus.size()));
        int quantity = 1 + random.nextInt(2);
        String paymentToken = random.nextInt(10) == 0 ? "tok_declined" : "tok_ok";
        String token = customerTokens.get(n % customerTokens.size());
        HttpRequest request = HttpRequest.newBuilder(orders)
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"items\":[{\"sku\":\"%s\",\"quantity\":%d}],"
                        .formatted(sku, quantity) + "\"paymentToken\":\"" + paymentToken + "\"}"))
                .build();
        Instant giveUp = Instant.now().plus(GIVE_UP_AFTER);
        for (int attempt = 1; Instant.now().isBefore(giveUp); attempt++) {
            Duration pause = Duration.ofMillis(500);
            try {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 202) {
                    String orderId = answer.body().replaceAll(".*\"orderId\":\"([^\"]+)\".*", "$1");
                    accepted.add(new Placed(key, sku, quantity, paymentToken, orderId, attempt));
                    return;
                }
                if (answer.statusCode() < 500 && answer.statusCode() != 429) {
                    refused.add(new Refused(key, answer.statusCode(), answer.body()));
                    return;
                }
                pause = retryAfter(answer).orElse(pause);
            } catch (IOException e) {
                // no answer (the gateway or the service is away): the same request again, as any client would
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            retries.incrementAndGet();
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        refused.add(new Refused(key, 0, "not accepted within " + GIVE_UP_AFTER));
    }

    private static Optional<Duration> retryAfter(HttpResponse<String> answer) {
        return answer.headers().firstValue("Retry-After")
                .filter(value -> value.matches("\\d{1,3}"))
                .map(seconds -> Duration.ofSeconds(Long.parseLong(seconds)));
    }

    @Override
    public void close() {
        pacer.shutdownNow();
        clients.shutdownNow();
    }
}
