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
 * The snapshots, recycle-bin, alerts and audit pages where no service answers: a dangerous operation's typed
 * confirmation and reason are checked by the console before any service is asked, and the audit page shows the logs
 * it could read while naming those it could not.
 */
@QuarkusTest
class BackupAndAuditPagesTest {

    private static final String URL = ConsoleTestInfrastructure.url();

    @Test
    void aPurgeWithoutTheTypedNameIsRefusedByTheConsoleItself() {
        given().cookies(ConsoleSignIn.as(URL, SignedIn.ADMIN)).redirects().follow(false)
                .formParam("confirm", " ")
                .when().post(URL + "/bin/{id}/purge", UUID.randomUUID())
                .then().statusCode(400).body(containsString("Type the name of the object to purge"));
    }

    @Test
    void aReplacingRestoreNeedsAReasonAndTheTypedClusterNameBeforeAnyServiceIsAsked() {
        Map<String, String> admin = ConsoleSignIn.as(URL, SignedIn.ADMIN);
        given().cookies(admin).redirects().follow(false).header("HX-Request", "true")
                .formParam("replace", "true").formParam("confirm", "prod")
                .when().post(URL + "/snapshots/{id}/restore", UUID.randomUUID())
                .then().statusCode(400).body(containsString("class=\"problem\"")).body(containsString("Say why"));
        given().cookies(admin).redirects().follow(false)
                .formParam("replace", "true").formParam("reason", "rebuild the node")
                .when().post(URL + "/snapshots/{id}/restore", UUID.randomUUID())
                .then().statusCode(400).body(containsString("Type the name of the cluster whose data is replaced"));
        given().cookies(admin).redirects().follow(false)
                .formParam("reason", "rebuild the node")
                .when().post(URL + "/snapshots/{id}/restore", UUID.randomUUID())
                .then().statusCode(503).body(containsString("snapshot-service cannot be reached"));
    }

    @Test
    void theAuditPageNamesEveryLogItCouldNotReadAndEachChainItCouldNotCheck() {
        given().cookies(ConsoleSignIn.as(URL, SignedIn.VIEWER)).redirects().follow(false)
                .when().get(URL + "/audit?outcome=refused&actor=operator")
                .then().statusCode(200)
                .body(containsString("Not shown: relationship-service: relationship-service cannot be reached"))
                .body(containsString("Not shown: recyclebin-service"))
                .body(containsString("data-service=\"monitor-service\" data-intact=\"unknown\""))
                .body(containsString("value=\"operator\""))
                .body(containsString("hx-get=\"/fragments/audit/records?actor=operator&amp;outcome=refused"))
                .body(not(containsString("<table")));
    }

    @Test
    void pagesThatNeedAServiceShowItsRefusal() {
        Map<String, String> viewer = ConsoleSignIn.as(URL, SignedIn.VIEWER);
        given().cookies(viewer).redirects().follow(false).when().get(URL + "/audit")
                .then().statusCode(200).body(containsString("Not shown: task-service"));
        for (String page : new String[] {"/snapshots", "/bin", "/alerts?state=firing"}) {
            given().cookies(viewer).redirects().follow(false).when().get(URL + page)
                    .then().statusCode(503).body(containsString("cannot be reached"));
        }
    }
}
