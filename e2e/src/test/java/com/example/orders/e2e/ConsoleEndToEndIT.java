package com.example.orders.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The operator console in a real browser, through the gateway of the running suite: signing in, an order's journey, a
 * dead letter re-driven from its page after the fix, and a replay's dry run. Each test saves screenshots under
 * {@code target/console-screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleEndToEndIT {

    private static final Duration PAGE = Duration.ofSeconds(60);

    static Suite suite;
    static Api api;
    static Outcomes saga;
    static ConsoleBrowser browser;
    static ChromeDriver page;
    static String console;

    @BeforeAll
    static void theSuiteAndABrowserRun() {
        suite = RunningSuite.suite();
        api = RunningSuite.api();
        saga = new Outcomes(api);
        browser = ConsoleBrowser.start();
        page = browser.driver();
        console = "http://127.0.0.1:" + suite.port("GATEWAY_PORT") + "/console/";
    }

    @AfterAll
    static void theBrowserCloses() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void aCustomersTokenIsRefusedAndAnAdminTokenSignsIn() {
        page.get(console);
        signIn(suite.token("dora", "customer"));
        assertThat(page.findElement(By.id("sign-in-message")).getText())
                .contains("the token of a customer (dora)", "operators only", "--role admin");
        assertThat(page.manage().getCookieNamed("console_session")).isNull();
        browser.screenshot("01-customer-refused");

        signIn(suite.token("olivia", "admin"));
        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("The last hour");
        assertThat(page.findElement(By.cssSelector(".who")).getText()).isEqualTo("olivia");
        assertThat(page.manage().getCookieNamed("console_session").isHttpOnly()).isTrue();
        browser.screenshot("02-overview");
    }

    @Test
    @Order(2)
    void findsAnOrderPlacedInTheTestAndSeesEverySagaStepAndEvent() {
        String sku = saga.stocked(10, "4.50");
        String orderId = api.place(api.customerToken("erin"), sku, 2, "tok_ok");
        assertThat(saga.awaitFinal(orderId).get("status").asText()).isEqualTo("CONFIRMED");

        page.get(console);
        WebElement search = page.findElement(By.name("q"));
        search.sendKeys(orderId);
        search.submit();

        assertThat(page.getCurrentUrl()).endsWith("/console/orders/" + orderId);
        await().atMost(PAGE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            page.navigate().refresh();
            assertThat(page.findElement(By.id("order-state")).getText()).isEqualTo("CONFIRMED");
            assertThat(steps()).containsExactly("orders.OrderCreated.v1", "inventory.StockReserved.v1",
                    "payments.PaymentCaptured.v1", "orders.OrderConfirmed.v1");
            // every group that reads an event of it has applied it, console-service's own among them
            assertThat(page.findElements(By.cssSelector(".deliveries .pill")))
                    .extracting(pill -> pill.getAttribute("data-state")).isNotEmpty().containsOnly("APPLIED");
        });
        // what each service holds for it now, as the services tell an operator
        assertThat(held("order-service", "order", "status")).containsExactly("CONFIRMED");
        assertThat(held("inventory-service", "reservation", "state")).containsExactly("COMMITTED");
        assertThat(held("payment-service", "payment", "status")).containsExactly("CAPTURED");
        assertThat(held("payment-service", "payment", "provider_capture")).hasSize(1).doesNotContain("-");
        await().atMost(PAGE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            page.navigate().refresh();
            assertThat(held("notification-service", "notification", "sent_at")).hasSize(1).doesNotContain("-");
        });
        List<WebElement> producers = page.findElements(By.cssSelector(".step .producer"));
        assertThat(producers).extracting(WebElement::getText).containsExactly("by order-service",
                "by inventory-service", "by payment-service", "by order-service");
        assertThat(page.findElements(By.cssSelector(".step-facts"))).allSatisfy(
                facts -> assertThat(facts.getText()).containsPattern("trace\\s+[0-9a-f]{32}"));
        browser.screenshot("03-order");
    }

    @Test
    @Order(3)
    void aPoisonRecordShowsOnTheDeadLetterPageAndOnceFixedItsRedriveCompletesTheOrder() {
        String sku = saga.stocked(10, "7.00");
        restartInventory(Map.of("INVENTORY_FAULT_FAIL_ON_SKU", sku));
        String orderId = api.place(api.customerToken("frank"), sku, 1, "tok_ok");

        page.get(console + "dead-letters");
        WebElement letter = await().atMost(PAGE).pollInterval(Duration.ofSeconds(1)).until(() -> {
            page.navigate().refresh();
            return page.findElements(By.cssSelector("#group-inventory-service tr.letter.PENDING[data-order-id='"
                    + orderId + "']")).stream().findFirst().orElse(null);
        }, found -> found != null);
        assertThat(letter.getText()).contains("orders.OrderCreated.v1", "orders.order-created.v1/", "drill fault");
        browser.screenshot("04-dead-letters");

        restartInventory(Map.of());
        page.get(console + "dead-letters");
        page.findElement(By.cssSelector("#group-inventory-service tr.letter.PENDING[data-order-id='" + orderId
                + "'] button")).click();
        assertThat(page.findElement(By.id("redrive-result")).getText()).contains("Re-drove 1 event of "
                + "inventory-service");
        assertThat(page.findElements(By.cssSelector("#group-inventory-service tr.letter.REDRIVEN[data-order-id='"
                + orderId + "']"))).hasSize(1);
        browser.screenshot("05-redriven");

        page.get(console + "orders/" + orderId);
        await().atMost(PAGE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            page.navigate().refresh();
            assertThat(page.findElement(By.id("order-state")).getText()).isEqualTo("CONFIRMED");
        });
        assertThat(page.findElement(By.id("order-dead-letters")).getText()).contains("inventory-service",
                "REDRIVEN");
        browser.screenshot("06-order-after-redrive");
    }

    @Test
    @Order(4)
    void aReplayDryRunFromThePageCountsWhatWasAppliedBeforeAndWouldApplyNothing() {
        page.get(console + "replays");
        new org.openqa.selenium.support.ui.Select(page.findElement(By.id("group"))).selectByValue(
                "loyalty-service");
        page.findElement(By.id("dry-run")).click();

        await().atMost(PAGE).pollInterval(Duration.ofSeconds(1)).until(() -> page.findElement(By.id("replay-state"))
                .getText().equals("DONE"));
        assertThat(Long.parseLong(page.findElement(By.id("applied-before")).getText())).isPositive();
        assertThat(page.findElement(By.id("would-apply")).getText()).isEqualTo("0");
        assertThat(page.findElements(By.cssSelector("#partitions tbody tr"))).isNotEmpty();
        browser.screenshot("07-replay-dry-run");
    }

    @Test
    @Order(5)
    void throughTheGatewayAPostFromAnotherSiteIsRefusedAndAPageWithoutASessionAsksToSignIn() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String admin = suite.token("olivia", "admin");
        HttpResponse<String> crossSite = http.send(HttpRequest.newBuilder(URI.create(console + "logout"))
                .header("Cookie", "console_session=" + admin).header("Origin", "https://evil.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(crossSite.statusCode()).isEqualTo(403);

        HttpResponse<String> noSession = http.send(HttpRequest.newBuilder(URI.create(console + "dead-letters"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noSession.statusCode()).isEqualTo(401);
        assertThat(noSession.body()).contains("name=\"token\"");
    }

    private static void signIn(String token) {
        page.get(console);
        WebElement field = page.findElement(By.id("token"));
        ((org.openqa.selenium.JavascriptExecutor) page).executeScript("arguments[0].value = arguments[1]", field,
                token);
        page.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
    }

    /** One column of what a service holds for the order shown, a value per row. */
    private static List<String> held(String service, String kind, String column) {
        return page.findElements(By.cssSelector("#held [data-service='" + service + "'][data-kind='" + kind
                + "'] dd[data-column='" + column + "']")).stream().map(WebElement::getText).toList();
    }

    private static List<String> steps() {
        return page.findElements(By.cssSelector("#timeline .step")).stream()
                .map(step -> step.getAttribute("data-type")).toList();
    }

    private static void restartInventory(Map<String, String> environment) {
        assertThat(suite.run("down", "inventory-service").exitCode()).isZero();
        Suite.Result up = suite.run(environment, "up");
        assertThat(up.exitCode()).as(up.output()).isZero();
    }
}
