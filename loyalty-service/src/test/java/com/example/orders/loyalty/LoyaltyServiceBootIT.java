package com.example.orders.loyalty;

import java.util.Optional;

import com.example.orders.testsupport.ContractEvents;
import com.example.orders.testsupport.RealInfrastructure;
import com.example.orders.testsupport.ServiceBootContract;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = "service", value = "loyalty-service"))
class LoyaltyServiceBootIT extends ServiceBootContract {

    @Override
    protected Optional<String> httpApi() {
        return Optional.of("/api/loyalty");
    }

    @Override
    protected Record aConsumedEvent(String orderId) {
        return ContractEvents.orderConfirmed(orderId);
    }
}
