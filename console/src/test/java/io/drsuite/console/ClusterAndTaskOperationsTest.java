package io.drsuite.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.drsuite.testing.ConsoleSignIn;
import io.drsuite.testing.SignedIn;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The console re-checks the typed confirmation of every operation in a cluster and on a task before it calls any
 * service: a name that differs is refused with 400 inside the dialog, the exact name goes on to the service (which
 * cannot be reached here, so its 503 proves the call was made).
 */
@QuarkusTest
class ClusterAndTaskOperationsTest {

    private static final String URL = ConsoleTestInfrastructure.url();

    @Test
    void aClusterOperationWithTheWrongNameIsRefusedBeforeAnyServiceIsCalled() {
        Map<String, String> session = ConsoleSignIn.as(URL, SignedIn.OPERATOR);
        given().cookies(session).header("HX-Request", "true")
                .formParam("toNode", "prod-2").formParam("confirm", "prod ")
                .when().post(URL + "/clusters/prod/switchover")
                .then().statusCode(400)
                .body(containsString("class=\"problem\" role=\"alert\""))
                .body(containsString("Not done"))
                .body(containsString("Type &#39;prod&#39; exactly to confirm"))
                .body(not(containsString("cannot be reached")));
        given().cookies(session).header("HX-Request", "true")
                .formParam("mode", "auto").formParam("confirm", "prod")
                .when().post(URL + "/clusters/prod/nodes/prod-2/rebuild")
                .then().statusCode(400).body(containsString("Type &#39;prod-2&#39; exactly to confirm"));
        given().cookies(session).header("HX-Request", "true")
                .formParam("reason", "gone").formParam("confirm", "")
                .when().post(URL + "/clusters/prod/nodes/prod-2/remove")
                .then().statusCode(400);
        given().cookies(session).header("HX-Request", "true")
                .formParam("reason", "lost").formParam("confirm", "PROD")
                .when().post(URL + "/clusters/prod/failover")
                .then().statusCode(400);
        given().cookies(session).header("HX-Request", "true")
                .formParam("name", "prod-3").formParam("confirm", "other")
                .when().post(URL + "/clusters/prod/nodes")
                .then().statusCode(400);
    }

    @Test
    void theExactNameGoesOnToTheService() {
        given().cookies(ConsoleSignIn.as(URL, SignedIn.OPERATOR)).header("HX-Request", "true")
                .formParam("toNode", "prod-2").formParam("confirm", "prod")
                .when().post(URL + "/clusters/prod/switchover")
                .then().statusCode(503).body(containsString("relationship-service cannot be reached"));
    }

    @Test
    void cancellingOrResumingATaskNeedsItsShortId() {
        UUID task = UUID.fromString("6f1c2d3e-0000-4000-8000-000000000001");
        Map<String, String> session = ConsoleSignIn.as(URL, SignedIn.OPERATOR);
        given().cookies(session).header("HX-Request", "true").formParam("confirm", "6f1c2d3f")
                .when().post(URL + "/tasks/" + task + "/cancel")
                .then().statusCode(400).body(containsString("Type &#39;6f1c2d3e&#39; exactly to confirm"));
        given().cookies(session).header("HX-Request", "true").formParam("confirm", "")
                .when().post(URL + "/tasks/" + task + "/resume")
                .then().statusCode(400);
        given().cookies(session).header("HX-Request", "true").formParam("confirm", "6f1c2d3e")
                .when().post(URL + "/tasks/" + task + "/cancel")
                .then().statusCode(503).body(containsString("task-service cannot be reached"));
    }

    @Test
    void theClusterAndTaskPagesNameTheServiceTheyCannotRead() {
        Map<String, String> session = ConsoleSignIn.as(URL, SignedIn.VIEWER);
        given().cookies(session).when().get(URL + "/clusters")
                .then().statusCode(503).body(containsString("relationship-service cannot be reached"));
        given().cookies(session).when().get(URL + "/tasks?state=failed&type=cluster.switchover")
                .then().statusCode(503).body(containsString("task-service cannot be reached"));
    }
}
