package com.example.orders.platform.messaging;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The live consumer of one topic, as a service's {@code @Incoming} method returns it ({@link Consumption#channel}):
 * SmallRye hands it the topic's records one by one, and it applies them in batches, one batch at a time, each holding
 * every record that arrived while the previous batch was applied (at most {@code platform.consumer.max-batch}). An idle
 * service so applies each record the moment it arrives, and a loaded one applies many per transaction without waiting
 * for a batch to fill. Records are acknowledged, in order, once their batch is applied, and only then is the next batch
 * asked for; a record not acknowledged when the service stops is delivered again and skipped as applied.
 * <p>
 * A replay feeds records through {@link #apply}, the same code.
 */
public final class EventChannel implements Flow.Subscriber<Message<byte[]>> {

    private static final Logger LOG = Logger.getLogger(EventChannel.class);

    private final Function<List<ConsumerRecord<String, byte[]>>, Uni<Void>> consumer;
    private final int maxBatch;
    private final ArrayDeque<Message<byte[]>> arrived = new ArrayDeque<>();
    private Flow.Subscription subscription;
    private boolean applying;

    EventChannel(Function<List<ConsumerRecord<String, byte[]>>, Uni<Void>> consumer, int maxBatch) {
        this.consumer = consumer;
        this.maxBatch = maxBatch;
    }

    /** Applies records of this channel's topic, in order, as live records are (for a replay). */
    public Uni<Void> apply(List<ConsumerRecord<String, byte[]>> records) {
        return consumer.apply(records);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        // what may arrive while a full batch is applied: the next batch is ready when this one commits
        subscription.request(2L * maxBatch);
    }

    @Override
    public void onNext(Message<byte[]> message) {
        synchronized (this) {
            arrived.add(message);
            if (applying) {
                return;
            }
            applying = true;
        }
        applyNext();
    }

    private void applyNext() {
        List<Message<byte[]>> batch = new ArrayList<>();
        synchronized (this) {
            while (batch.size() < maxBatch && !arrived.isEmpty()) {
                batch.add(arrived.poll());
            }
            if (batch.isEmpty()) {
                applying = false;
                return;
            }
        }
        List<ConsumerRecord<String, byte[]>> records = batch.stream().map(EventChannel::recordOf).toList();
        // a context of its own for the batch's transaction, on the channel's event loop
        Context batchContext = VertxContext.createNewDuplicatedContext(Vertx.currentContext());
        VertxContextSafetyToggle.setContextSafe(batchContext, true);
        batchContext.runOnContext(ignored -> Uni.createFrom().deferred(() -> consumer.apply(records))
                // Consumption ends every record applied or dead-lettered; a failure here is a defect, and the batch is
                // tried again rather than lost
                .onFailure().invoke(failure -> LOG.errorf(failure, "applying %d records of %s failed; trying again",
                        records.size(), records.get(0).topic()))
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).indefinitely()
                .subscribe().with(done -> applied(batch),
                        failure -> LOG.errorf(failure, "the consumer of %s stopped", records.get(0).topic())));
    }

    private void applied(List<Message<byte[]>> batch) {
        for (Message<byte[]> message : batch) {
            message.ack();
        }
        subscription.request(batch.size());
        applyNext();
    }

    @Override
    public void onError(Throwable failure) {
        LOG.errorf(failure, "the channel failed");
    }

    @Override
    public void onComplete() {
        LOG.debug("the channel completed");
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, byte[]> recordOf(Message<byte[]> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> (ConsumerRecord<String, byte[]>) metadata.getRecord())
                .orElseThrow(() -> new IllegalStateException("not a Kafka record: " + message));
    }
}
