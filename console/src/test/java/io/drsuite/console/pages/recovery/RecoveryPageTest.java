package io.drsuite.console.pages.recovery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.drsuite.console.ConsoleTestInfrastructure;
import io.drsuite.testing.ConsoleSignIn;
import io.drsuite.testing.SignedIn;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The recovery page where no service answers: a point-in-time restore's reason, typed cluster name and target, and
 * switching an archive off, are checked by the console before any service is asked.
 */
@QuarkusTest
class RecoveryPageTest {

    private static final String URL = ConsoleTestInfrastructure.url();

    @Test
    void aRestoreToAPointInTimeNeedsAReasonTheTypedNameAndATargetBeforeAnyServiceIsAsked() {
        Map<String, String> admin = ConsoleSignIn.as(URL, SignedIn.ADMIN);
        given().cookies(admin).redirects().follow(false).header("HX-Request", "true")
                .formParam("cluster", "prod").formParam("targetKind", "time").formParam("target", "2026-12-03T09:00:00Z")
                .formParam("confirm", "prod")
                .when().post(URL + "/recovery/restores")
                .then().statusCode(400).body(containsString("class=\"problem\"")).body(containsString("Say why"));
        given().cookies(admin).redirects().follow(false)
                .formParam("cluster", "prod").formParam("ontoCluster", "spare").formParam("targetKind", "latest")
                .formParam("reason", "rebuild").formParam("confirm", "prod")
                .when().post(URL + "/recovery/restores")
                .then().statusCode(400).body(containsString("spare&#39; exactly to confirm"));
        given().cookies(admin).redirects().follow(false)
                .formParam("cluster", "prod").formParam("targetKind", "lsn").formParam("target", " ")
                .formParam("reason", "rebuild").formParam("confirm", "prod")
                .when().post(URL + "/recovery/restores")
                .then().statusCode(400).body(containsString("Give the lsn the restore stops at"));
        given().cookies(admin).redirects().follow(false)
                .formParam("cluster", "prod").formParam("targetKind", "latest")
                .formParam("reason", "rebuild").formParam("confirm", "prod")
                .when().post(URL + "/recovery/restores")
                .then().statusCode(503).body(containsString("snapshot-service cannot be reached"));
    }

    @Test
    void switchingAnArchiveOffNeedsTheTypedName() {
        given().cookies(ConsoleSignIn.as(URL, SignedIn.ADMIN)).redirects().follow(false)
                .formParam("confirm", "")
                .when().post(URL + "/recovery/wal-archives/{id}/off", UUID.randomUUID())
                .then().statusCode(400).body(containsString("Type the name of the cluster whose WAL archive stops"));
    }

    @Test
    void thePageNeedsSnapshotService() {
        given().cookies(ConsoleSignIn.as(URL, SignedIn.VIEWER)).redirects().follow(false)
                .when().get(URL + "/recovery")
                .then().statusCode(503).body(containsString("cannot be reached"));
    }
}
