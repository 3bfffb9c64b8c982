package ${package}.domain;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The domain's rules, tested without a framework: the place for most of a service's tests. */
class ReceivedOrderTest {

    @Test
    void anOrderNeedsItsCustomer() {
        assertThatThrownBy(() -> new ReceivedOrder("o-1", null, Instant.now()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("customerId");
    }
}
