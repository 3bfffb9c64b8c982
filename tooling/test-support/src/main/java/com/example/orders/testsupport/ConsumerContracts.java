package com.example.orders.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.example.orders.events.ConsumerCatalogue;
import com.example.orders.events.EventType;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Holds a service to its entry in the consumer catalogue ({@code shared-events/.../consumers.yaml}): each service's
 * architecture test calls {@link #assertCatalogued}. It fails when
 * <ul>
 * <li>the service has an {@code @Incoming} channel for a topic its entry does not list, or its entry lists a topic it
 * has no channel for (channels are named after their topics);</li>
 * <li>its consumer group (its application name, or a {@code group.id} it sets) is not the entry's group;</li>
 * <li>its code reads a payload field of a topic it consumes (calls the contract record's accessor) that its entry does
 * not declare among the fields it relies on: the compatibility gate could then not protect it.</li>
 * </ul>
 * Reads are found in the bytecode (ArchUnit): an accessor of a record that travels on a consumed topic, called from the
 * service's own classes. An accessor of a record that only travels on topics the service produces is not a read.
 */
public final class ConsumerContracts {

    private ConsumerContracts() {
    }

    /**
     * Checks the production classes under {@code servicePackage} and the {@code application.properties} on the
     * classpath against the suite's catalogue, or against the catalogue file {@code -Dconsumers.catalogue} names (the
     * consumer archetype's own test of a service it generated, which the suite's catalogue does not list).
     */
    public static void assertCatalogued(String service, String servicePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
        List<String> problems = violations(catalogue(), service, servicePackage, classes,
                consumerGroups(applicationProperties(), service));
        if (!problems.isEmpty()) {
            throw new AssertionError("consumers.yaml does not say what " + service + " consumes:\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    /**
     * What is wrong between the service's classes and its catalogue entry; empty when they agree.
     *
     * @param groups
     *            the consumer groups the service's configuration gives its channels
     */
    public static List<String> violations(ConsumerCatalogue catalogue, String service, String servicePackage,
            JavaClasses classes, Set<String> groups) {
        if (classes.stream().noneMatch(type -> type.getPackageName().startsWith(servicePackage))) {
            // a check of nothing would pass whatever the service does
            return List.of("no classes found under " + servicePackage + " to hold to consumers.yaml");
        }
        Map<String, String> channels = incomingChannels(classes, servicePackage);
        var entry = catalogue.consumer(service);
        if (entry.isEmpty()) {
            return channels.isEmpty()
                    ? List.of()
                    : List.of(service + " consumes " + channels.keySet() + " but has no entry in consumers.yaml; add "
                            + "one with its group and the fields it relies on (docs/adding-a-consumer.md)");
        }
        ConsumerCatalogue.Consumer consumer = entry.get();
        List<String> problems = new ArrayList<>();
        channels.forEach((topic, method) -> {
            if (!consumer.reads(topic)) {
                problems.add(method + " consumes " + topic + ", which consumers.yaml does not list for " + service);
            }
        });
        for (String topic : consumer.reads().keySet()) {
            if (!channels.containsKey(topic)) {
                problems.add("consumers.yaml lists " + topic + " for " + service + ", which has no @Incoming channel "
                        + "for it");
            }
        }
        for (String group : groups) {
            if (!group.equals(consumer.group())) {
                problems.add(service + " consumes in group " + group + ", but consumers.yaml says "
                        + consumer.group());
            }
        }
        problems.addAll(undeclaredReads(consumer, classes, servicePackage));
        return problems;
    }

    /** Topic → the method that consumes it, from the {@code @Incoming} annotations under the package. */
    private static Map<String, String> incomingChannels(JavaClasses classes, String servicePackage) {
        Map<String, String> channels = new TreeMap<>();
        for (JavaClass type : classes) {
            if (!type.getPackageName().startsWith(servicePackage)) {
                continue;
            }
            for (JavaMethod method : type.getMethods()) {
                if (method.isAnnotatedWith(Incoming.class)) {
                    String channel = String.valueOf(method.getAnnotationOfType(Incoming.class.getName())
                            .get("value").orElseThrow());
                    channels.put(channel, type.getSimpleName() + "." + method.getName());
                }
            }
        }
        return channels;
    }

    private static List<String> undeclaredReads(ConsumerCatalogue.Consumer consumer, JavaClasses classes,
            String servicePackage) {
        Set<String> problems = new TreeSet<>();
        for (JavaClass type : classes) {
            if (!type.getPackageName().startsWith(servicePackage)) {
                continue;
            }
            for (JavaMethodCall call : type.getMethodCallsFromSelf()) {
                if (!call.getTarget().getRawParameterTypes().isEmpty()) {
                    continue;
                }
                String owner = call.getTargetOwner().getName();
                String component = call.getName();
                boolean readOnAConsumedTopic = false;
                boolean declared = false;
                for (Map.Entry<String, List<String>> read : consumer.reads().entrySet()) {
                    for (String path : payloadPaths(read.getKey()).getOrDefault(owner + "#" + component, List.of())) {
                        readOnAConsumedTopic = true;
                        declared |= read.getValue().stream()
                                .anyMatch(field -> ConsumerCatalogue.overlapping(field, path));
                    }
                }
                if (readOnAConsumedTopic && !declared) {
                    problems.add(type.getSimpleName() + " (line " + call.getLineNumber() + ") reads "
                            + call.getTargetOwner().getSimpleName() + "." + component + "(), a field of "
                            + String.join(" / ", topicsCarrying(consumer, owner + "#" + component))
                            + " that consumers.yaml does not list among the fields " + consumer.service()
                            + " relies on");
                }
            }
        }
        return List.copyOf(problems);
    }

    private static List<String> topicsCarrying(ConsumerCatalogue.Consumer consumer, String accessor) {
        List<String> carried = new ArrayList<>();
        for (String topic : consumer.reads().keySet()) {
            for (String path : payloadPaths(topic).getOrDefault(accessor, List.of())) {
                carried.add(topic + " (" + path + ")");
            }
        }
        return carried;
    }

    /**
     * {@code Owner#component} → the payload paths where that record component travels on the topic, from its payload
     * record: {@code OrderConfirmedV1#total} → {@code total}, {@code Money#amount} → {@code total.amount}.
     */
    static Map<String, List<String>> payloadPaths(String topic) {
        Map<String, List<String>> paths = new LinkedHashMap<>();
        EventType.ofTopic(topic).ifPresent(type -> collect(type.payloadType(), "", paths));
        return paths;
    }

    private static void collect(Class<?> record, String prefix, Map<String, List<String>> paths) {
        for (RecordComponent component : record.getRecordComponents()) {
            String path = prefix + component.getName();
            paths.computeIfAbsent(record.getName() + "#" + component.getName(), key -> new ArrayList<>()).add(path);
            Class<?> element = elementType(component.getGenericType());
            if (element != null && element.isRecord()) {
                collect(element, path + "[].", paths);
            } else if (component.getType().isRecord()) {
                collect(component.getType(), path + ".", paths);
            }
        }
    }

    private static Class<?> elementType(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw
                && Iterable.class.isAssignableFrom(raw)
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return null;
    }

    /** The groups the configuration gives: any {@code *.group.id}, else the application's name. */
    static Set<String> consumerGroups(Properties properties, String service) {
        Set<String> groups = new TreeSet<>();
        properties.stringPropertyNames().stream()
                .filter(key -> key.endsWith("group.id"))
                .forEach(key -> groups.add(properties.getProperty(key)));
        if (groups.isEmpty()) {
            groups.add(properties.getProperty("quarkus.application.name", service));
        }
        return groups;
    }

    private static ConsumerCatalogue catalogue() {
        String file = System.getProperty("consumers.catalogue", "");
        if (file.isBlank()) {
            return ConsumerCatalogue.load();
        }
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return ConsumerCatalogue.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the consumer catalogue " + file, e);
        }
    }

    private static Properties applicationProperties() {
        Properties properties = new Properties();
        try (InputStream in = ConsumerContracts.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
