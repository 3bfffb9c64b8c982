package com.example.orders.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.example.orders.console.api.OperatorSession;
import com.example.orders.testsupport.RealInfrastructure;
import com.example.orders.testsupport.TestTokens;

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

    /** Every page of the console but the front one, which is the sign-in form until one signs in. */
    private static final List<String> PAGES = List.of("/console/orders", "/console/orders?q=alice",
            "/console/orders/8d5b9a52-4c1b-4a51-9a43-2b6f0f1f0e11", "/console/dead-letters",
            "/console/dead-letters/console-service/0/0", "/console/consumers", "/console/replays",
            "/console/replays/console-service/8d5b9a52-4c1b-4a51-9a43-2b6f0f1f0e11");
    /** Every action of the console, as its form posts it. */
    private static final List<String> ACTIONS = List.of("/console/logout",
            "/console/dead-letters/console-service/redrive", "/console/replays");

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
        List<String> noSessions = List.of("", "not-a-token", TestTokens.customer("alice"),
                TestTokens.expiredAdmin("olivia"));
        for (String session : noSessions) {
            for (String page : PAGES) {
                withCookie(session).redirects().follow(false).get(page).then().statusCode(401)
                        .body(containsString("name=\"token\""));
            }
            for (String action : ACTIONS) {
                withCookie(session).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                        .formParam("csrf", "anything").post(action).then().statusCode(401);
            }
        }
    }

    @Test
    void aCrossSitePostIsRefusedEvenWithAValidSessionAndItsCsrfToken() {
        String token = TestTokens.admin("olivia");
        String csrf = csrfOf(token);

        for (String action : ACTIONS) {
            withCookie(token).header("Origin", "https://evil.example").formParam("csrf", csrf)
                    .post(action).then().statusCode(403);
            withCookie(token).header("Sec-Fetch-Site", "cross-site").formParam("csrf", csrf)
                    .post(action).then().statusCode(403);
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
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"")
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
