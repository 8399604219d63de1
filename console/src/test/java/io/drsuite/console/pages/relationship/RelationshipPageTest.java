package io.drsuite.console.pages.relationship;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.drsuite.console.ConsoleTestInfrastructure;
import io.drsuite.testing.ConsoleSignIn;
import io.drsuite.testing.SignedIn;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The relationship page's endpoints without the services: an operation without the typed name is refused by the
 * console itself, an unknown operation or range is refused, and a page that needs a service names it.
 */
@QuarkusTest
class RelationshipPageTest {

    private static final String URL = ConsoleTestInfrastructure.url();

    @Test
    void anOperationWithoutTheTypedNameIsRefusedWithAProblemFragment() {
        given().cookies(ConsoleSignIn.as(URL, SignedIn.OPERATOR)).header("HX-Request", "true")
                .contentType("application/x-www-form-urlencoded").formParam("confirm", " ")
                .when().post(URL + "/relationships/{id}/switchover", UUID.randomUUID())
                .then().statusCode(400)
                .body(containsString("class=\"problem\" role=\"alert\""))
                .body(containsString("Type the relationship&#39;s name to confirm"));
    }

    @Test
    void anUnknownOperationOrRangeIsRefused() {
        var session = ConsoleSignIn.as(URL, SignedIn.ADMIN);
        given().cookies(session).contentType("application/x-www-form-urlencoded").formParam("confirm", "x")
                .when().post(URL + "/relationships/{id}/explode", UUID.randomUUID())
                .then().statusCode(404);
        given().cookies(session).when().get(URL + "/relationships/{id}/history.json?range=2y", UUID.randomUUID())
                .then().statusCode(400).body(containsString("range must be one of"));
    }

    @Test
    void thePageNamesTheServiceItCannotReach() {
        given().cookies(ConsoleSignIn.as(URL, SignedIn.VIEWER)).when()
                .get(URL + "/relationships/{id}", UUID.randomUUID())
                .then().statusCode(503).body(containsString("relationship-service cannot be reached"));
    }
}
