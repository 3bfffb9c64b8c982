package com.example.orders.order;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import com.example.orders.order.application.PlacingOrders;
import com.example.orders.order.domain.OrderItem;
import com.example.orders.testsupport.ContractEvents;
import com.example.orders.testsupport.InSession;
import com.example.orders.testsupport.RealInfrastructure;
import com.example.orders.testsupport.ServiceBootContract;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = "service", value = "order-service"))
class OrderServiceBootIT extends ServiceBootContract {

    @Inject
    PlacingOrders placing;

    @Override
    protected String anOrderId() {
        PlacingOrders.PlaceOrder request = new PlacingOrders.PlaceOrder("customer-1", null,
                UUID.randomUUID().toString(), List.of(OrderItem.unpriced("SKU-1", 2)), "tok_ok", null);
        return InSession.await(() -> Panache.withTransaction(() -> placing.place(request))).id();
    }

    @Override
    protected Optional<String> httpApi() {
        return Optional.of("/api/orders");
    }

    @Override
    protected Record aConsumedEvent(String orderId) {
        return ContractEvents.stockReserved(orderId);
    }
}
