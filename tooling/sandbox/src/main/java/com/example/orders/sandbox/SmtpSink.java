package com.example.orders.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real SMTP server that keeps every email it receives instead of delivering it (GreenMail), with a small HTTP API to
 * read what arrived: {@code GET /messages} (optionally {@code ?orderId=…}, matched on the {@code X-Order-Id} header)
 * lists {@code {"messageId","from","to","subject","orderId","receivedAt"}}. Run as its own process by
 * {@code ./suite up} and in-process by tests.
 * <p>
 * Given a data directory, it keeps a journal of what arrived ({@code received.jsonl}), so that a stopped and restarted
 * sink (a mail-server outage) still lists what it received before: "exactly one email" stays checkable across it. Every
 * delivery is its own entry, so a resent email shows twice.
 */
public final class SmtpSink implements AutoCloseable {

    /** An email as received. */
    public record Received(String messageId, String from, List<String> to, String subject, String orderId,
            Instant receivedAt) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final GreenMail mail;
    private final HttpServer api;
    private final Path journal;
    /** Received by earlier runs, read from the journal. */
    private final List<Received> earlier;
    /** Every message of this run, read once (and journalled then), by identity: two deliveries may read alike. */
    private final Map<MimeMessage, Received> thisRun = new IdentityHashMap<>();
    private final ScheduledExecutorService journalling = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "smtp-sink-journal");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "smtp-sink-api");
        thread.setDaemon(true);
        return thread;
    });

    private SmtpSink(GreenMail mail, HttpServer api, Path journal) {
        this.mail = mail;
        this.api = api;
        this.journal = journal;
        this.earlier = journal == null ? List.of() : readJournal(journal);
    }

    /** SMTP on 127.0.0.1:{@code smtpPort}, the API on 127.0.0.1:{@code apiPort} (0 for any free port). */
    public static SmtpSink start(int smtpPort, int apiPort) {
        return start("127.0.0.1", smtpPort, apiPort, null);
    }

    /**
     * Starts on {@code host} ({@code 0.0.0.0} in a container).
     *
     * @param dataDirectory
     *            where the journal of received emails is kept across restarts; null to keep them in memory only
     */
    public static SmtpSink start(String host, int smtpPort, int apiPort, Path dataDirectory) {
        Path journal = null;
        if (dataDirectory != null) {
            try {
                Files.createDirectories(dataDirectory);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + dataDirectory, e);
            }
            journal = dataDirectory.resolve("received.jsonl");
        }
        GreenMail mail = new GreenMail(new ServerSetup(smtpPort, host, ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        try {
            HttpServer api = HttpServer.create(new InetSocketAddress(host, apiPort), 16);
            SmtpSink sink = new SmtpSink(mail, api, journal);
            if (journal != null) {
                sink.journalling.scheduleWithFixedDelay(sink::received, 200, 200, TimeUnit.MILLISECONDS);
            }
            api.createContext("/messages", sink::list);
            api.createContext("/health", exchange -> respond(exchange, 200, Map.of("status", "UP")));
            api.setExecutor(sink.executor);
            api.start();
            return sink;
        } catch (IOException e) {
            mail.stop();
            throw new UncheckedIOException("the SMTP sink's API cannot listen on port " + apiPort, e);
        }
    }

    public int smtpPort() {
        return mail.getSmtp().getPort();
    }

    public URI apiUri() {
        return URI.create("http://127.0.0.1:" + api.getAddress().getPort());
    }

    /** Every email received so far (by earlier runs too, with a journal), in the order they arrived. */
    public synchronized List<Received> received() {
        // each message is read (and journalled) once: the journal's timer calls this often, over every message
        for (MimeMessage message : mail.getReceivedMessages()) {
            if (!thisRun.containsKey(message)) {
                Received received = read(message);
                thisRun.put(message, received);
                if (journal != null) {
                    append(received);
                }
            }
        }
        List<Received> all = new ArrayList<>(earlier);
        all.addAll(thisRun.values());
        all.sort(Comparator.comparing(Received::receivedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        return all;
    }

    @Override
    public void close() {
        journalling.shutdownNow();
        received();
        api.stop(0);
        executor.shutdownNow();
        mail.stop();
    }

    private void append(Received message) {
        try {
            Files.writeString(journal, JSON.writeValueAsString(message) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal " + journal, e);
        }
    }

    private static List<Received> readJournal(Path journal) {
        if (!Files.exists(journal)) {
            return List.of();
        }
        try {
            List<Received> read = new ArrayList<>();
            for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    read.add(JSON.readValue(line, Received.class));
                }
            }
            return read;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal " + journal, e);
        }
    }

    /**
     * {@code [--host 127.0.0.1] [--smtp-port 2525] [--api-port 8025] [--data DIR]}; runs until the process is stopped.
     */
    public static void main(String[] args) {
        Options options = Options.parse(args);
        String host = options.get("--host", "127.0.0.1");
        String data = options.get("--data", "");
        SmtpSink sink = start(host, options.port("--smtp-port", 2525), options.port("--api-port", 8025),
                data.isEmpty() ? null : Path.of(data));
        Runtime.getRuntime().addShutdownHook(new Thread(sink::close));
        System.out.println("SMTP sink on " + host + ":" + sink.smtpPort() + ", messages at port "
                + sink.api.getAddress().getPort() + " /messages");
    }

    private void list(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        String orderId = query != null && query.startsWith("orderId=") ? query.substring("orderId=".length()) : null;
        List<Received> messages = received().stream()
                .filter(message -> orderId == null || orderId.equals(message.orderId()))
                .toList();
        respond(exchange, 200, Map.of("messages", messages));
    }

    private static Received read(MimeMessage message) {
        try {
            return new Received(message.getMessageID(),
                    Arrays.stream(Objects.requireNonNullElse(message.getFrom(), new Address[0]))
                            .map(Address::toString).findFirst().orElse(null),
                    Arrays.stream(Objects.requireNonNullElse(message.getAllRecipients(), new Address[0]))
                            .map(Address::toString).toList(),
                    message.getSubject(), message.getHeader("X-Order-Id", null),
                    message.getReceivedDate() == null ? null : message.getReceivedDate().toInstant());
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot read a received email", e);
        }
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
