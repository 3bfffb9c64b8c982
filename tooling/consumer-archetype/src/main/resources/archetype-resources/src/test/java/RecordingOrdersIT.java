package ${package};

import static com.example.orders.testsupport.EventTraffic.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ${package}.application.ReceivedOrders;
import com.example.orders.events.Topics;
import com.example.orders.platform.inbox.AppliedEvents;
import com.example.orders.testsupport.ContractEvents;
import com.example.orders.testsupport.InSession;
import com.example.orders.testsupport.RealInfrastructure;
import com.example.orders.testsupport.Replaying;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * ${artifactId} over a real Kafka broker and a real PostgreSQL (started once per test JVM by the test support, no
 * Docker): the producing service is played by the test, which sends real records with the contract's envelope.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = "service", value = "${artifactId}"))
class RecordingOrdersIT {

    @Inject
    AppliedEvents appliedEvents;

    @Inject
    ReceivedOrders received;

    @Test
    void keepsEachConfirmedOrderOnceHoweverOftenItArrivesAndARebuildKeepsThemAgain() {
        String orderId = UUID.randomUUID().toString();
        ContractEvents.Sent confirmed = ContractEvents.asSent(orderId, ContractEvents.orderConfirmed(orderId));
        long before = InSession.await(received::count);

        // twice, as a producer's relay does after a crash
        send(confirmed, confirmed);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> InSession.await(() -> appliedEvents.wasApplied(confirmed.envelope().id())));

        long after = InSession.await(received::count);
        assertThat(after).isEqualTo(before + 1);

        // ./suite replay --group <this service> --from earliest --rebuild, as its admin endpoint runs it
        JsonPath rebuild = Replaying.replay(Replaying.wholeTopics(List.of(Topics.ORDER_CONFIRMED_V1)), false, true);
        assertThat(rebuild.getString("state")).isEqualTo("DONE");
        assertThat(InSession.await(received::count)).as("everything folded again, once").isEqualTo(after);
    }
}
