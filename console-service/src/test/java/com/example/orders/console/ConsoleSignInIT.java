package com.example.orders.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import com.example.orders.console.api.OperatorSession;
import com.example.orders.testsupport.RealInfrastructure;
import com.example.orders.testsupport.TestTokens;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Only operators get in, and only the console's own pages act through it: sign-in with an admin token, a customer's
 * refused, every page and action refused without a valid session, and a cross-site POST refused even with one.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = "service", value = "console-service"))
class ConsoleSignInIT {

    /** The two requests that sign in: the front page (the form until one signs in) and the form's POST. */
    private static final Set<String> SIGNING_IN = Set.of("GET /console", "POST /console/login");
    /** A value for each path parameter of the console's pages; a new one fails the test until it is given here. */
    private static final Map<String, String> PARAMETERS = Map.of("orderId", "8d5b9a52-4c1b-4a51-9a43-2b6f0f1f0e11",
            "group", "console-service", "partition", "0", "offset", "0", "id", "8d5b9a52-4c1b-4a51-9a43-2b6f0f1f0e11");

    @Test
    void theFrontPageIsASignInFormTakingAToken() {
        given().get("/console/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<form method=\"post\" action=\"/console/login\""))
                .body(containsString("name=\"token\""));
    }

    @Test
    void anAdminTokenSignsInWithAnHttpOnlyStrictSameSiteSessionCookie() {
        Response signedIn = signIn(TestTokens.admin("olivia"));

        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.header("Location")).endsWith("/console/");
        String cookie = signedIn.header("Set-Cookie");
        assertThat(cookie).startsWith(OperatorSession.COOKIE + "=").contains("HttpOnly").containsIgnoringCase(
                "SameSite=Strict").contains("Path=/console");

        given().cookie(OperatorSession.COOKIE, signedIn.cookie(OperatorSession.COOKIE)).get("/console/")
                .then().statusCode(200).body(containsString("The last hour")).body(containsString("olivia"))
                .body(not(containsString("name=\"token\"")));
    }

    @Test
    void aCustomersTokenIsRefusedWithAClearMessage() {
        Response refused = signIn(TestTokens.customer("alice"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.header("Set-Cookie")).isNull();
        assertThat(refused.asString()).contains("the token of a customer (alice)").contains("operators only")
                .contains("--role admin");
    }

    @Test
    void anExpiredATamperedOrNoTokenIsRefused() {
        assertThat(signIn(TestTokens.expiredAdmin("olivia")).then().statusCode(401).extract().asString())
                .contains("expired");
        assertThat(signIn(TestTokens.admin("olivia") + "x").statusCode()).isEqualTo(401);
        assertThat(signIn("").statusCode()).isEqualTo(401);
    }

    @Test
    void everyPageAndActionRefusesARequestWithoutAValidOperatorSession() {
        List<String> routes = routes();
        assertThat(routes).as("the console's routes, read from its resources").contains("GET /console/orders/{orderId}",
                "POST /console/dead-letters/{group}/redrive", "GET /console/replays", "POST /console/logout");
        List<String> noSessions = List.of("", "not-a-token", TestTokens.customer("alice"),
                TestTokens.expiredAdmin("olivia"));
        for (String route : routes) {
            if (SIGNING_IN.contains(route)) {
                continue;
            }
            String method = route.substring(0, route.indexOf(' '));
            String path = concrete(route.substring(route.indexOf(' ') + 1));
            for (String session : noSessions) {
                Response refused = method.equals("GET")
                        ? withCookie(session).redirects().follow(false).get(path)
                        : withCookie(session).redirects().follow(false).contentType(
                                "application/x-www-form-urlencoded").formParam("csrf", "anything").post(path);
                assertThat(refused.statusCode()).as(route + " with session '" + session + "'").isEqualTo(401);
                assertThat(refused.asString()).as(route).contains("name=\"token\"");
            }
        }
    }

    /**
     * Every GET and POST of the console, {@code METHOD /path/{param}}, read from the JAX-RS resources of its api
     * package: a page added later is checked without anyone listing it here.
     */
    private static List<String> routes() {
        List<String> routes = new ArrayList<>();
        for (JavaClass resource : new ClassFileImporter().withImportOption(
                ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.example.orders.console.api")) {
            if (!resource.isAnnotatedWith(Path.class)) {
                continue;
            }
            String base = resource.getAnnotationOfType(Path.class).value();
            for (JavaMethod method : resource.getMethods()) {
                String verb = method.isAnnotatedWith(GET.class)
                        ? "GET"
                        : method.isAnnotatedWith(POST.class)
                                ? "POST"
                                : null;
                if (verb == null) {
                    continue;
                }
                String sub = method.isAnnotatedWith(Path.class) ? method.getAnnotationOfType(Path.class).value() : "";
                routes.add(verb + " " + (base + (sub.isEmpty() ? "" : "/" + sub)).replaceAll("/+", "/"));
            }
        }
        return routes;
    }

    private static String concrete(String path) {
        Matcher parameter = Pattern.compile("\\{(\\w+)}").matcher(path);
        StringBuilder concrete = new StringBuilder();
        while (parameter.find()) {
            String value = PARAMETERS.get(parameter.group(1));
            assertThat(value).as("a value for {" + parameter.group(1) + "} in PARAMETERS").isNotNull();
            parameter.appendReplacement(concrete, value);
        }
        return parameter.appendTail(concrete).toString();
    }

    @Test
    void aCrossSitePostIsRefusedEvenWithAValidSessionAndItsCsrfToken() {
        String token = TestTokens.admin("olivia");
        String csrf = csrfOf(token);

        for (String route : routes()) {
            if (route.startsWith("POST ")) {
                String action = concrete(route.substring("POST ".length()));
                withCookie(token).header("Origin", "https://evil.example").formParam("csrf", csrf)
                        .post(action).then().statusCode(403);
                withCookie(token).header("Sec-Fetch-Site", "cross-site").formParam("csrf", csrf)
                        .post(action).then().statusCode(403);
            }
        }
        given().header("Origin", "https://evil.example").formParam("token", token).redirects().follow(false)
                .post("/console/login").then().statusCode(403);
    }

    @Test
    void anActionWithoutItsSessionsCsrfTokenIsRefusedAndWithItIsDone() {
        String token = TestTokens.admin("olivia");

        withCookie(token).formParam("csrf", "forged").redirects().follow(false).post("/console/logout")
                .then().statusCode(403);
        withCookie(token).redirects().follow(false).post("/console/logout").then().statusCode(403);

        Response signedOut = withCookie(token).header("Sec-Fetch-Site", "same-origin")
                .formParam("csrf", csrfOf(token)).redirects().follow(false).post("/console/logout");
        assertThat(signedOut.statusCode()).isEqualTo(303);
        assertThat(signedOut.header("Set-Cookie")).startsWith(OperatorSession.COOKIE + "=;").contains("Max-Age=0");
    }

    @Test
    void afterSigningInAnOperatorLandsOnThePageTheyAskedForButNeverOnAnotherSite() {
        String token = TestTokens.admin("olivia");

        assertThat(given().formParam("token", token).formParam("next", "/console/orders?q=alice")
                .redirects().follow(false).post("/console/login").header("Location"))
                .endsWith("/console/orders?q=alice");
        for (String elsewhere : List.of("//evil.example/console/", "https://evil.example/", "/console\\@evil")) {
            assertThat(given().formParam("token", token).formParam("next", elsewhere).redirects().follow(false)
                    .post("/console/login").header("Location")).as(elsewhere).endsWith("/console/")
                    .doesNotContain("evil");
        }
    }

    /** The CSRF token a page of this session carries in its forms. */
    private static String csrfOf(String token) {
        String page = withCookie(token).get("/console/").then().statusCode(200).extract().asString();
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"")
                .matcher(page);
        assertThat(csrf.find()).as("a form with the session's CSRF token").isTrue();
        return csrf.group(1);
    }

    private static Response signIn(String token) {
        return given().contentType("application/x-www-form-urlencoded").formParam("token", token)
                .redirects().follow(false).post("/console/login");
    }

    private static RequestSpecification withCookie(String session) {
        RequestSpecification request = given();
        return session.isEmpty() ? request : request.cookie(OperatorSession.COOKIE, session);
    }
}
