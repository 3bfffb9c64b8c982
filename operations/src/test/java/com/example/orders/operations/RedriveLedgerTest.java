package com.example.orders.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.Test;

class RedriveLedgerTest {

    @Test
    void aPartitionNeverReDrivenHasEverythingPending() {
        RedriveLedger ledger = RedriveLedger.from(null);

        assertThat(ledger.isRedriven(0)).isFalse();
        assertThat(ledger.toCommit()).isEqualTo(new OffsetAndMetadata(0, ""));
    }

    @Test
    void oneByOneRedrivesAboveTheMarkAreRememberedInTheCommitMetadata() {
        RedriveLedger ledger = RedriveLedger.from(new OffsetAndMetadata(3, "")).with(List.of(5L, 7L));

        assertThat(ledger.isRedriven(2)).isTrue();
        assertThat(ledger.isRedriven(4)).isFalse();
        assertThat(ledger.isRedriven(5)).isTrue();
        assertThat(ledger.isRedriven(6)).isFalse();
        assertThat(RedriveLedger.from(ledger.toCommit())).isEqualTo(ledger);
        assertThat(ledger.toCommit()).isEqualTo(new OffsetAndMetadata(3, "redriven=5,7"));
    }

    @Test
    void theMarkMovesOverEveryOffsetReDrivenWithoutAGap() {
        RedriveLedger ledger = RedriveLedger.from(new OffsetAndMetadata(3, "redriven=5,7"))
                .with(List.of(3L, 4L, 6L));

        assertThat(ledger.toCommit()).isEqualTo(new OffsetAndMetadata(8, ""));
        assertThat(ledger.isRedriven(8)).as("what died after the redrive is pending").isFalse();
    }

    @Test
    void agesAreShort() {
        assertThat(ShortAge.of(Duration.ofSeconds(42))).isEqualTo("42s");
        assertThat(ShortAge.of(Duration.ofSeconds(307))).isEqualTo("5m07s");
        assertThat(ShortAge.of(Duration.ofMinutes(192))).isEqualTo("3h12m");
        assertThat(ShortAge.of(Duration.ofHours(52))).isEqualTo("2d04h");
    }
}
