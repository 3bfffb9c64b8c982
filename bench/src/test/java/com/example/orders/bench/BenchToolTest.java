package com.example.orders.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The benchmark's own arithmetic and parsing; its run against a suite is BenchmarkEndToEndIT (e2e). */
class BenchToolTest {

    @Test
    void aMixDealsOutOrdersInItsShares() {
        Mix mix = Mix.parse("ok=90, declined=5,out-of-stock=5");
        Map<Mix.Kind, Integer> dealt = new EnumMap<>(Mix.Kind.class);
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 100_000; i++) {
            dealt.merge(mix.next(random), 1, Integer::sum);
        }

        assertThat(dealt.get(Mix.Kind.OK)).isBetween(89_000, 91_000);
        assertThat(dealt.get(Mix.Kind.DECLINED)).isBetween(4_500, 5_500);
        assertThat(dealt.get(Mix.Kind.OUT_OF_STOCK)).isBetween(4_500, 5_500);
        assertThat(mix).hasToString("ok=90,declined=5,out-of-stock=5");
        assertThat(Mix.parse("declined=1").next(random)).isEqualTo(Mix.Kind.DECLINED);
    }

    @Test
    void aMixThatIsNotOneSaysWhy() {
        assertThatThrownBy(() -> Mix.parse("ok=90,lost=10")).hasMessageContaining("no outcome 'lost'");
        assertThatThrownBy(() -> Mix.parse("ok")).hasMessageContaining("is not kind=share");
        assertThatThrownBy(() -> Mix.parse("ok=0")).hasMessageContaining("has no orders");
    }

    @Test
    void anOutOfStockOrderAsksForTheScarceSku() {
        Catalogue catalogue = new Catalogue("r1", 3, 20);
        Catalogue.Line line = catalogue.next(Mix.parse("out-of-stock=1"), new SplittableRandom(3));

        assertThat(line.sku()).isEqualTo("BENCH-r1-SCARCE");
        assertThat(catalogue.stocked()).containsEntry("BENCH-r1-SCARCE", 20).hasSize(4);
    }

    @Test
    void sumsAMetricOverItsLabelsInPrometheusText() {
        String metrics = """
                # HELP outbox_pending_events Events written and not yet published
                # TYPE outbox_pending_events gauge
                outbox_pending_events{service="order-service"} 3.0
                outbox_pending_events{service="other"} 4.0
                outbox_pending_events_total 100.0
                messaging_records_waiting 2.0
                """;

        assertThat(Sampler.sum(metrics, "outbox_pending_events")).isEqualTo(7.0);
        assertThat(Sampler.sum(metrics, "messaging_records_waiting")).isEqualTo(2.0);
        assertThat(Sampler.sum(metrics, "absent")).isZero();
    }

    @Test
    void readsDurationsAsPeopleWriteThem() {
        Benchmark.DurationConverter converter = new Benchmark.DurationConverter();

        assertThat(converter.convert("60s")).isEqualTo(Duration.ofSeconds(60));
        assertThat(converter.convert("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> converter.convert("5x")).hasMessageContaining("is not a duration");
    }

    @Test
    void theWarmUpIsShownPerSecondButLeftOutOfTheTotals() {
        Timeline timeline = new Timeline(2);
        timeline.sent(0);
        timeline.accepted(0, 5_000);
        timeline.completed(1, 0, 50_000, "CONFIRMED");
        timeline.sent(3);
        timeline.accepted(3, 7_000);
        timeline.completed(3, 3, 40_000, "CONFIRMED");

        assertThat(timeline.sentCount()).isEqualTo(1);
        assertThat(timeline.acceptedCount()).isEqualTo(1);
        assertThat(timeline.completedCount()).isEqualTo(1);
        assertThat(timeline.post().getMaxValue()).isBetween(6_990L, 7_010L);
        assertThat(timeline.at(0).accepted).isEqualTo(1);
        assertThat(timeline.at(1).completed).isEqualTo(1);
        assertThat(Chart.svg(timeline, "t", 4)).startsWith("<svg").contains("warm-up");
    }
}
