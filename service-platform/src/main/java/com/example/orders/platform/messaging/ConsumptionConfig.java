package com.example.orders.platform.messaging;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How many records a consumer applies in one transaction, and how it tries a record again: for ever through an outage,
 * a bounded number of times otherwise.
 */
@ConfigMapping(prefix = "platform.consumer")
public interface ConsumptionConfig {

    /**
     * The most records of one topic applied in one transaction. A batch holds what arrived while the previous one was
     * applied, so an idle service applies each record at once and a loaded one commits less often.
     */
    @WithDefault("100")
    int maxBatch();

    /** Attempts after the first failed one, for a failure that is not an outage; then the dead-letter topic. */
    @WithDefault("3")
    int retries();

    @WithDefault("PT0.1S")
    Duration initialBackoff();

    @WithDefault("PT2S")
    Duration maxBackoff();

    /** The longest wait between two attempts at a record held by an outage (backoff doubles up to this). */
    @WithDefault("PT5S")
    Duration outageMaxBackoff();

    /** How often {@link ConsumerLag} asks the broker how far behind the group is. */
    @WithDefault("PT15S")
    Duration lagInterval();

    /**
     * For incident drills only (RUNBOOK.md): every record whose event mentions this text (a SKU, say) fails as a faulty
     * release would, so it is retried and then dead-lettered with the reason. Unset in every real deployment.
     */
    Optional<String> drillFailRecordsMentioning();
}
