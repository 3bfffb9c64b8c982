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

    private final Map<String, Function<ConsumerRecord<String, byte[]>, Uni<Void>>> handlers = new TreeMap<>();

    ConsumedTopics(@All List<InstanceHandle<EventConsumer>> consumers) {
        for (InstanceHandle<EventConsumer> consumer : consumers) {
            for (Method method : consumer.getBean().getBeanClass().getMethods()) {
                Incoming incoming = method.getAnnotation(Incoming.class);
                if (incoming == null) {
                    continue;
                }
                if (method.getParameterCount() != 1 || method.getParameterTypes()[0] != ConsumerRecord.class
                        || method.getReturnType() != Uni.class) {
                    throw new IllegalStateException(method + " must take a ConsumerRecord and return Uni<Void> to "
                            + "be replayable");
                }
                EventConsumer target = consumer.get();
                handlers.put(incoming.value(), record -> invoke(method, target, record));
            }
        }
    }

    public Set<String> topics() {
        return handlers.keySet();
    }

    /** @return the consumer of the topic's records, as the live channel calls it */
    public Function<ConsumerRecord<String, byte[]>, Uni<Void>> consumerOf(String topic) {
        Function<ConsumerRecord<String, byte[]>, Uni<Void>> handler = handlers.get(topic);
        if (handler == null) {
            throw new IllegalArgumentException("this service does not consume " + topic + "; it consumes "
                    + handlers.keySet());
        }
        return handler;
    }

    @SuppressWarnings("unchecked")
    private static Uni<Void> invoke(Method method, EventConsumer target, ConsumerRecord<String, byte[]> record) {
        try {
            return (Uni<Void>) method.invoke(target, record);
        } catch (InvocationTargetException e) {
            return Uni.createFrom().failure(e.getCause());
        } catch (IllegalAccessException e) {
            return Uni.createFrom().failure(e);
        }
    }
}
