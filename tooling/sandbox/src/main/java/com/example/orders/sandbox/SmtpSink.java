package com.example.orders.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
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
 * <p>
 * Nothing grows in memory with what arrived: each email is read once, written to the journal (or, without a data
 * directory, to a list) and removed from GreenMail's mailbox, and the journal is read line by line when asked. After a
 * day of benchmarks (93,000 emails, 33 MB of journal) the sink read its whole journal into its 96 MiB heap at start and
 * never came up; GreenMail alone would have kept every email of a long run.
 */
public final class SmtpSink implements AutoCloseable {

    /** An email as received. */
    public record Received(String messageId, String from, List<String> to, String subject, String orderId,
            Instant receivedAt) {
    }

    private static final ObjectMapper JSON = JsonLines.JSON;

    private final GreenMail mail;
    private final HttpServer api;
    private final Path journal;
    /** Without a journal: what arrived, in order. */
    private final List<Received> inMemory = new ArrayList<>();
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
            sink.journalling.scheduleWithFixedDelay(sink::collectOrSaySo, 200, 200, TimeUnit.MILLISECONDS);
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
    public List<Received> received() {
        List<Received> all = new ArrayList<>();
        forEachReceived(all::add);
        return all;
    }

    /**
     * Takes what arrived out of GreenMail's mailboxes: each email is read, kept (journal or list), and then removed
     * from its mailbox; an email arriving meanwhile is not flagged, so it stays for the next call.
     */
    private synchronized void collect() {
        try {
            ImapHostManager mailboxes = mail.getManagers().getImapHostManager();
            for (GreenMailUser user : List.copyOf(mail.getUserManager().listUser())) {
                MailFolder inbox = mailboxes.getInbox(user);
                // a copy: GreenMail's list is live, and an email delivered meanwhile would break the iteration
                // midway (a ConcurrentModificationException, which left the emails kept so far in GreenMail)
                List<StoredMessage> arrived = List.copyOf(inbox.getMessages());
                if (arrived.isEmpty()) {
                    continue;
                }
                try {
                    for (StoredMessage message : arrived) {
                        if (message.getFlags().contains(Flags.Flag.DELETED)) {
                            continue; // kept by a collect that could not expunge it
                        }
                        keep(read(message.getMimeMessage()));
                        message.setFlags(new Flags(Flags.Flag.DELETED), true);
                    }
                } finally {
                    // what was kept goes, even when a later email could not be: kept twice, it would read as sent twice
                    inbox.expunge();
                }
            }
        } catch (FolderException e) {
            throw new IllegalStateException("cannot take the received emails out of their mailboxes", e);
        }
    }

    /** A scheduled collect: one that fails says so and the next runs (a failure would cancel the schedule). */
    private void collectOrSaySo() {
        try {
            collect();
        } catch (RuntimeException e) {
            System.err.println("SMTP sink: could not take the received emails in (tried again in 200 ms): " + e);
        }
    }

    /** Emails GreenMail still holds, not yet taken out by {@link #collect}: for tests. */
    int heldByGreenMail() {
        return mail.getReceivedMessages().length;
    }

    private void keep(Received received) {
        if (journal == null) {
            inMemory.add(received);
        } else {
            JsonLines.append(journal, received);
        }
    }

    /**
     * Hands every email received so far to {@code consumer}, in order, reading the journal line by line; meanwhile
     * nothing is appended to it, so no line is read half written.
     */
    private synchronized void forEachReceived(Consumer<Received> consumer) {
        collect();
        if (journal == null) {
            inMemory.forEach(consumer);
        } else {
            JsonLines.forEach(journal, Received.class, consumer);
        }
    }

    @Override
    public void close() {
        // a collect in progress finishes (interrupted, it could keep an email and leave it in GreenMail to be kept again)
        journalling.shutdown();
        try {
            journalling.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        collect();
        api.stop(0);
        executor.shutdownNow();
        mail.stop();
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

    /** {@code {"messages":[…]}}, written as the journal is read: the whole list may be long. */
    private void list(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        String orderId = query != null && query.startsWith("orderId=") ? query.substring("orderId=".length()) : null;
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream body = exchange.getResponseBody();
                JsonGenerator json = JSON.createGenerator(body)) {
            json.writeStartObject();
            json.writeArrayFieldStart("messages");
            forEachReceived(message -> {
                if (orderId == null || orderId.equals(message.orderId())) {
                    try {
                        json.writePOJO(message);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            json.writeEndArray();
            json.writeEndObject();
        } finally {
            exchange.close();
        }
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
