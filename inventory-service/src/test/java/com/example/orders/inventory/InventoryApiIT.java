package com.example.orders.inventory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.orders.testsupport.RealInfrastructure;
import com.example.orders.testsupport.TestTokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** {@code /api/inventory} over HTTP, with real JWTs, against the real database. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = "service", value = "inventory-service"))
class InventoryApiIT {

    @Test
    void anOperatorStocksAProductAndAnyoneSignedInReadsIt() {
        String sku = aSku();

        asAdmin().body("""
                {"available":100,"unitPrice":"9.99","currency":"EUR"}""").put("/api/inventory/" + sku)
                .then().statusCode(200)
                .body("available", equalTo(100));

        asCustomer().get("/api/inventory/" + sku)
                .then().statusCode(200)
                .body("sku", equalTo(sku))
                .body("available", equalTo(100))
                .body("reserved", equalTo(0))
                .body("unitPrice", equalTo("9.99"))
                .body("currency", equalTo("EUR"));
    }

    @Test
    void restockingChangesTheShelfAndThePrice() {
        String sku = aSku();
        asAdmin().body("""
                {"available":5,"unitPrice":"1.00"}""").put("/api/inventory/" + sku).then().statusCode(200);

        asAdmin().body("""
                {"available":7,"unitPrice":"1.25"}""").put("/api/inventory/" + sku).then().statusCode(200);

        asCustomer().get("/api/inventory/" + sku)
                .then().statusCode(200)
                .body("available", equalTo(7))
                .body("unitPrice", equalTo("1.25"))
                .body("currency", equalTo("EUR"));
    }

    @Test
    void aCustomerCannotStockTheCatalogue() {
        asCustomer().body("""
                {"available":5,"unitPrice":"1.00"}""").put("/api/inventory/" + aSku())
                .then().statusCode(403);
    }

    @Test
    void nobodyReadsTheCatalogueWithoutAToken() {
        given().get("/api/inventory/" + aSku()).then().statusCode(401);
    }

    @Test
    void anUnknownProductIsNotFound() {
        asCustomer().get("/api/inventory/" + aSku())
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void refusesANegativeShelfOrAPriceThatIsNotAnAmountNamingTheField() {
        asAdmin().body("""
                {"available":-1,"unitPrice":"1.00"}""").put("/api/inventory/" + aSku())
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("available"));
        asAdmin().body("""
                {"available":1,"unitPrice":"cheap"}""").put("/api/inventory/" + aSku())
                .then().statusCode(400)
                .body("detail", containsString("unitPrice"));
        asAdmin().body("""
                {"available":1,"unitPrice":"1.00"}""").put("/api/inventory/not a sku")
                .then().statusCode(400);
    }

    @Test
    void refusesAnUnknownFieldAWrongTypeAndMalformedJsonNamingTheField() {
        asAdmin().body("""
                {"available":1,"unitPrice":"1.00","discount":"5%"}""").put("/api/inventory/" + aSku())
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("discount: is not a field of this request"));
        asAdmin().body("""
                {"available":"many","unitPrice":"1.00"}""").put("/api/inventory/" + aSku())
                .then().statusCode(400)
                .body("detail", containsString("available: must be a whole number"));
        asAdmin().body("""
                {"available":1,"unitPrice":""").put("/api/inventory/" + aSku())
                .then().statusCode(400)
                .body("detail", containsString("not valid JSON"));
    }

    private static String aSku() {
        return "SKU-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(TestTokens.admin("ops")).contentType(ContentType.JSON);
    }

    private static RequestSpecification asCustomer() {
        return given().auth().oauth2(TestTokens.customer("alice")).contentType(ContentType.JSON);
    }
}
