package com.example.orders.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.example.orders.events.DeadLetterHeaders;
import com.example.orders.events.Topics;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The service's dead-letter topic, {@code <group>.dlq}: a record that can never succeed goes there with the reason,
 * under the headers SmallRye's dead-letter strategy writes ({@link DeadLetterHeaders}), so {@code ./suite dlq} reads
 * and re-drives every letter alike. A letter is sent with {@code acks=all} and an idempotent producer, and the caller
 * waits for the broker before it lets the record go: a dead letter is never lost between the topic and the dead-letter
 * topic.
 */
@ApplicationScoped
public class DeadLetters {

    private final String topic;
    private final String bootstrapServers;
    private final MeterRegistry metrics;
    private volatile KafkaProducer<String, byte[]> producer;

    DeadLetters(@ConfigProperty(name = "quarkus.application.name") String group,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, MeterRegistry metrics) {
        this.topic = Topics.deadLetterTopicOf(group);
        this.bootstrapServers = bootstrapServers;
        this.metrics = metrics;
    }

    /** Sends the record to the dead-letter topic with the reason; the item arrives once the broker has it. */
    public Uni<Void> send(ConsumerRecord<String, byte[]> record, Throwable reason) {
        ProducerRecord<String, byte[]> letter = letterOf(record, reason);
        Context context = Vertx.currentContext();
        // send() may wait for the broker's metadata: never on an event loop; the caller goes on where it was
        Uni<Void> sent = Uni.createFrom().<Void>emitter(emitter -> producer().send(letter, (metadata, error) -> {
            if (error != null) {
                emitter.fail(error);
            } else {
                metrics.counter("messaging.dead.letters", "topic", record.topic()).increment();
                emitter.complete(null);
            }
        })).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return context == null ? sent : sent.emitOn(command -> context.runOnContext(ignored -> command.run()));
    }

    /** The record as a letter: its own key, value and headers, and why it is here. */
    ProducerRecord<String, byte[]> letterOf(ConsumerRecord<String, byte[]> record, Throwable reason) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        headers.add(DeadLetterHeaders.REASON, utf8(String.valueOf(reason.getMessage())));
        headers.add(DeadLetterHeaders.EXCEPTION_CLASS, utf8(reason.getClass().getName()));
        headers.add(DeadLetterHeaders.TOPIC, utf8(record.topic()));
        headers.add(DeadLetterHeaders.PARTITION, utf8(Integer.toString(record.partition())));
        headers.add(DeadLetterHeaders.OFFSET, utf8(Long.toString(record.offset())));
        return new ProducerRecord<>(topic, null, record.key(), record.value(), headers);
    }

    private KafkaProducer<String, byte[]> producer() {
        KafkaProducer<String, byte[]> current = producer;
        if (current == null) {
            synchronized (this) {
                current = producer;
                if (current == null) {
                    current = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                            ProducerConfig.ACKS_CONFIG, "all",
                            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                            ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                            ProducerConfig.CLIENT_ID_CONFIG, "dead-letters"),
                            new StringSerializer(), new ByteArraySerializer());
                    producer = current;
                }
            }
        }
        return current;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
