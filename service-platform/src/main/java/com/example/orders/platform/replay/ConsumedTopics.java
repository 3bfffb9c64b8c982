package com.example.orders.platform.replay;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.example.orders.platform.messaging.EventChannel;
import com.example.orders.platform.messaging.EventConsumer;

import io.quarkus.arc.All;
import io.quarkus.arc.InstanceHandle;
import io.smallrye.mutiny.Uni;

/**
 * The topics this service consumes and, for each, the consumer method the live channel calls: found on the
 * {@link EventConsumer} beans by their {@code @Incoming} annotations, so a replay goes through exactly the code a live
 * record does.
 */
@ApplicationScoped
public class ConsumedTopics {

    private final Map<String, EventChannel> channels = new TreeMap<>();

    ConsumedTopics(@All List<InstanceHandle<EventConsumer>> consumers) {
        for (InstanceHandle<EventConsumer> consumer : consumers) {
            for (Method method : consumer.getBean().getBeanClass().getMethods()) {
                Incoming incoming = method.getAnnotation(Incoming.class);
                if (incoming == null) {
                    continue;
                }
                if (method.getParameterCount() != 0
                        || !(invoke(method, consumer.get()) instanceof EventChannel channel)) {
                    throw new IllegalStateException(method + " must return the EventChannel of Consumption.channel to "
                            + "be replayable");
                }
                channels.put(incoming.value(), channel);
            }
        }
    }

    public Set<String> topics() {
        return channels.keySet();
    }

    /** @return the consumer of the topic's records, as the live channel applies them: a batch at a time, in order */
    public Function<List<ConsumerRecord<String, byte[]>>, Uni<Void>> consumerOf(String topic) {
        EventChannel channel = channels.get(topic);
        if (channel == null) {
            throw new IllegalArgumentException("this service does not consume " + topic + "; it consumes "
                    + channels.keySet());
        }
        return channel::apply;
    }

    private static Object invoke(Method method, EventConsumer target) {
        try {
            return method.invoke(target);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(method + " failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
