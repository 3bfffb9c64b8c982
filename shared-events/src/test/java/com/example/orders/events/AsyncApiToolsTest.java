package com.example.orders.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The event contract held by the AsyncAPI project's own tools (tooling/asyncapi): its parser finds the document valid,
 * with no warning, and refuses a broken one; and docs/events/index.html, the document rendered by its html-template, is
 * of the document as it is now. The parser runs where tooling/asyncapi holds the CLI (.ci/run installs it; so does
 * {@code tooling/asyncapi/asyncapi --version}); CI sets REQUIRE_DEPLOY_TOOLS=1, so there it never skips.
 */
class AsyncApiToolsTest {

    private static final Path CONTRACT = Path.of("src", "main", "resources");
    private static final Path TOOLS = Path.of("..", "tooling", "asyncapi");
    private static final Path RENDERED = Path.of("..", "docs", "events");

    @Test
    void theAsyncApiParserFindsTheDocumentValidWithoutAWarning() throws Exception {
        Result result = validate(CONTRACT.resolve("asyncapi.yaml"));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("is valid").contains("0 errors, 0 warnings");
    }

    @Test
    void theAsyncApiParserRefusesADocumentWithADanglingReference() throws Exception {
        Result result = validate(Path.of("src", "test", "resources", "asyncapi-fixtures",
                "operation-without-channel.yaml"));

        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("'#/channels/orderShipped' does not exist");
    }

    @Test
    void theRenderedDocumentationIsOfTheDocumentAsItIsNow() throws Exception {
        assertThat(RENDERED.resolve("index.html")).isNotEmptyFile();
        String renderedFrom = Files.readString(RENDERED.resolve("rendered-from.sha256")).strip();

        assertThat(renderedFrom).as("docs/events/index.html is of an older asyncapi.yaml or schema: run"
                + " tooling/asyncapi/render and commit the page").isEqualTo(contractDigest());
    }

    /** What tooling/asyncapi/render records: the SHA-256 of the document followed by each schema, by file name. */
    private static String contractDigest() throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(Files.readAllBytes(CONTRACT.resolve("asyncapi.yaml")));
        try (Stream<Path> schemas = Files.list(CONTRACT.resolve("schemas"))) {
            for (Path schema : schemas.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                sha256.update(Files.readAllBytes(schema));
            }
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private record Result(int exitCode, String output) {
    }

    private static Result validate(Path document) throws IOException, InterruptedException {
        boolean installed = Files.isExecutable(TOOLS.resolve("node_modules/.bin/asyncapi"));
        if (!"1".equals(System.getenv("REQUIRE_DEPLOY_TOOLS"))) {
            assumeTrue(installed,
                    "the AsyncAPI CLI is not installed (tooling/asyncapi/asyncapi --version installs it)");
        }
        Process process = new ProcessBuilder(List.of(TOOLS.resolve("asyncapi").toString(), "validate",
                document.toString(), "--fail-severity", "warn")).redirectErrorStream(true).start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        process.getInputStream().transferTo(output);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("asyncapi validate finished").isTrue();
        return new Result(process.exitValue(), output.toString(StandardCharsets.UTF_8));
    }
}
