package ${package};

import com.example.orders.testsupport.ContractEvents;
import com.example.orders.testsupport.RealInfrastructure;
import com.example.orders.testsupport.ServiceBootContract;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What every service of the suite proves on a real broker and a real database (ServiceBootContract): ready, metrics, an
 * event applied once however often delivered, a failing one tried a bounded number of times and dead-lettered,
 * readiness through an outage of each.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = "service", value = "${artifactId}"))
class ServiceBootIT extends ServiceBootContract {

    @Override
    protected Record aConsumedEvent(String orderId) {
        return ContractEvents.orderConfirmed(orderId);
    }
}
