package com.example.orders.console;

import com.example.orders.testsupport.ContractEvents;
import com.example.orders.testsupport.RealInfrastructure;
import com.example.orders.testsupport.ServiceBootContract;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = "service", value = "console-service"))
class ConsoleServiceBootIT extends ServiceBootContract {

    @Override
    protected Record aConsumedEvent(String orderId) {
        return ContractEvents.orderCreated(orderId);
    }
}
