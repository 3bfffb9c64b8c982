package com.example.orders.order.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.orders.order.domain.Order;
import com.example.orders.order.domain.OrderItem;

import io.smallrye.mutiny.Uni;

/**
 * A customer places an order. The order, the record of its Idempotency-Key and its OrderCreated event commit together;
 * the same key with the same request returns that order again, and with another request is refused.
 */
@ApplicationScoped
public class PlacingOrders {

    private final OrderStore orders;
    private final IdempotencyKeys requests;
    private final OrderOutbox emitted;

    PlacingOrders(OrderStore orders, IdempotencyKeys requests, OrderOutbox emitted) {
        this.orders = orders;
        this.requests = requests;
        this.emitted = emitted;
    }

    /** An order as a customer asked for it; {@code requestId} (not part of the request's identity) may be null. */
    public record PlaceOrder(String customerId, String customerEmail, String idempotencyKey, List<OrderItem> items,
            String paymentToken, String requestId) {

        String fingerprint() {
            StringBuilder canonical = new StringBuilder(paymentToken);
            items.forEach(item -> canonical.append('\n').append(item.sku()).append(' ').append(item.quantity()));
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * @throws IdempotencyKeyReused
     *             when the key was used before for another request
     */
    public Uni<Order> place(PlaceOrder request) {
        String fingerprint = request.fingerprint();
        return requests.find(request.customerId(), request.idempotencyKey()).flatMap(earlier -> {
            if (earlier.isPresent()) {
                if (!earlier.get().fingerprint().equals(fingerprint)) {
                    return Uni.createFrom().failure(new IdempotencyKeyReused(request.idempotencyKey()));
                }
                return orders.find(earlier.get().orderId()).map(stored -> stored.orElseThrow().order());
            }
            Order.Placement placement = Order.place(UUID.randomUUID().toString(), request.customerId(),
                    request.customerEmail(), request.items(), request.paymentToken(),
                    // as precise as the database keeps it, so the order reads back (and is sent again) as placed
                    Instant.now().truncatedTo(ChronoUnit.MICROS));
            return emitted.placed(placement.placed(), Optional.ofNullable(request.requestId()))
                    .flatMap(saga -> orders.add(placement.order(), saga))
                    .flatMap(added -> requests.add(request.customerId(), request.idempotencyKey(), fingerprint,
                            placement.order().id()))
                    .replaceWith(placement.order());
        });
    }
}
