package com.example.orders.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmtpSinkTest {

    @Test
    void keepsWhatArrivesOverSmtpAndListsItByOrder() throws Exception {
        try (SmtpSink sink = SmtpSink.start(0, 0)) {
            sendOverSmtp(sink.smtpPort(), "o-1");
            sendOverSmtp(sink.smtpPort(), "o-2");
            for (int waited = 0; sink.received().size() < 2 && waited < 50; waited++) {
                Thread.sleep(100);
            }

            assertThat(sink.received()).hasSize(2);
            assertThat(sink.heldByGreenMail()).as("taken out of GreenMail once read").isZero();
            assertThat(sink.received()).allSatisfy(mail -> assertThat(mail.to()).containsExactly("alice@example.com"));
            assertThat(sink.received()).extracting(SmtpSink.Received::messageId)
                    .containsExactlyInAnyOrder("<n-o-1@test>", "<n-o-2@test>");
            String listed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(sink.apiUri() + "/messages?orderId=o-2")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(listed).contains("\"orderId\":\"o-2\"").doesNotContain("o-1");
        }
    }

    @Test
    void aRestartedSinkStillListsWhatItReceivedBeforeAndEveryDeliveryOfAResentEmail(@TempDir Path data)
            throws Exception {
        try (SmtpSink sink = SmtpSink.start("127.0.0.1", 0, 0, data)) {
            sendOverSmtp(sink.smtpPort(), "o-3");
            sendOverSmtp(sink.smtpPort(), "o-3");
            for (int waited = 0; sink.received().size() < 2 && waited < 50; waited++) {
                Thread.sleep(100);
            }
        }

        try (SmtpSink again = SmtpSink.start("127.0.0.1", 0, 0, data)) {
            sendOverSmtp(again.smtpPort(), "o-4");
            for (int waited = 0; again.received().size() < 3 && waited < 50; waited++) {
                Thread.sleep(100);
            }

            assertThat(again.received()).extracting(SmtpSink.Received::orderId).containsExactly("o-3", "o-3", "o-4");
        }
    }

    /** Speaks SMTP by hand, as a mail client would. */
    private static void sendOverSmtp(int port, String orderId) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port);
                var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII));
                Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII)) {
            in.readLine();
            for (String command : new String[]{"HELO test", "MAIL FROM:<shop@example.com>",
                    "RCPT TO:<alice@example.com>", "DATA"}) {
                out.write(command + "\r\n");
                out.flush();
                in.readLine();
            }
            out.write("Message-ID: <n-" + orderId + "@test>\r\nX-Order-Id: " + orderId
                    + "\r\nSubject: hello\r\nFrom: shop@example.com\r\nTo: alice@example.com\r\n\r\nhi\r\n.\r\n");
            out.flush();
            in.readLine();
            out.write("QUIT\r\n");
            out.flush();
        }
    }
}
