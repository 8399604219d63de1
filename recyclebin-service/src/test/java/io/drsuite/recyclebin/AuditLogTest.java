package io.drsuite.recyclebin;

import static io.drsuite.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.drsuite.platform.audit.AuditRecord;
import io.drsuite.platform.audit.AuditRetention;
import io.drsuite.testing.SignedIn;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The audit log every service keeps, tested once here on recyclebin-service: append-only, tamper-evident (an edited,
 * removed or inserted row is found by the verification), pruned by retention with the pruning recorded, searchable
 * and paged.
 */
@QuarkusTest
class AuditLogTest {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    @Inject
    AgroalDataSource database;

    @Inject
    AuditRetention retention;

    @Test
    void anEditedRemovedOrInsertedRecordBreaksTheChainAndTheServiceItselfCannotEditOne() throws Exception {
        List<Long> ids = refusedPurges(3, "tamper");
        verification().body("intact", equalTo(true));
        long middle = ids.get(1);

        assertThatThrownBy(() -> sql("update audit_record set actor_name = 'someone-else' where id = " + middle))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql("delete from audit_record where id = " + middle))
                .hasMessageContaining("append-only");

        // Whoever owns the table can switch the guard off; the chain still shows what was done.
        asOwner("update audit_record set actor_name = 'someone-else' where id = " + middle);
        verification().body("intact", equalTo(false)).body("brokenAt", equalTo((int) middle))
                .body("problem", containsString("changed"));
        asOwner("update audit_record set actor_name = '" + SignedIn.OPERATOR + "' where id = " + middle);
        verification().body("intact", equalTo(true));

        asOwner("create table audit_kept as select * from audit_record where id = " + middle,
                "delete from audit_record where id = " + middle);
        verification().body("intact", equalTo(false)).body("brokenAt", equalTo((int) (long) ids.get(2)))
                .body("problem", containsString("removed"));
        asOwner("insert into audit_record overriding system value select * from audit_kept",
                "drop table audit_kept");
        verification().body("intact", equalTo(true));
    }

    @Test
    void retentionRemovesOldRecordsAndRecordsThatItDid() {
        refusedPurges(2, "retention");
        Optional<AuditRecord> pruning = retention.pruneRecordedBefore(Instant.now());

        assertThat(pruning).isPresent();
        assertThat(pruning.get().actorName).isEqualTo("drsuite");
        assertThat(pruning.get().detail).contains("anchorHash");
        JsonPath remaining = given().get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        assertThat(remaining.getList("$")).as("the newest record before the pruning, and the pruning's").hasSize(2);
        assertThat(remaining.getString("[0].operation")).isEqualTo("prune audit records");
        verification().body("intact", equalTo(true)).body("startsFrom", equalTo("pruning"));
    }

    @Test
    void theLogIsSearchedByActorAndTargetAndReadPageByPage() {
        List<UUID> entries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            entries.add(UUID.randomUUID());
            SignedIn.as(SignedIn.OPERATOR).delete("/api/v1/recyclebin/{id}", entries.getLast()).then()
                    .statusCode(403);
        }
        List<Object> seen = new ArrayList<>();
        Response response = given().queryParam("actor", SignedIn.OPERATOR)
                .queryParam("operation", "DELETE /api/v1/recyclebin/{id}").queryParam("limit", 2)
                .get("/api/v1/audit");
        int pages = 0;
        while (response != null) {
            response.then().statusCode(200);
            List<Object> ids = response.jsonPath().getList("id");
            assertThat(ids.size()).isLessThanOrEqualTo(2);
            seen.addAll(ids);
            pages++;
            String link = response.header("Link");
            Matcher next = link == null ? null : NEXT.matcher(link);
            response = next != null && next.find() ? given().urlEncodingEnabled(false).get(next.group(1)) : null;
        }
        assertThat(seen).as("every record once, newest first").doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(5);
        assertThat(pages).isGreaterThanOrEqualTo(3);
        assertThat(seen.stream().map(id -> ((Number) id).longValue()).toList())
                .isSortedAccordingTo((a, b) -> Long.compare(b, a));

        given().queryParam("target", "recyclebin/" + entries.getFirst()).get("/api/v1/audit").then()
                .statusCode(200).body("size()", equalTo(1))
                .body("[0].operation", equalTo("DELETE /api/v1/recyclebin/{id}"));
        given().get("/api/v1/audit?limit=501").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("limit"));
        given().queryParam("cursor", "not a cursor!").get("/api/v1/audit").then().statusCode(400)
                .body("field", equalTo("cursor"));
        given().get("/api/v1/audit?from=yesterday").then().statusCode(400).body("field", equalTo("from"));
    }

    /** Purge-all attempts by the operator, refused for the role: each one audited. Returns their record ids. */
    private List<Long> refusedPurges(int count, String cluster) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String correlationId = SignedIn.as(SignedIn.OPERATOR)
                    .delete("/api/v1/recyclebin?cluster={c}&confirm={c}&reason=test", cluster, cluster)
                    .then().statusCode(403).extract().header("X-Correlation-Id");
            JsonPath record = given().get("/api/v1/audit?correlationId={id}", correlationId).then().statusCode(200)
                    .body("size()", equalTo(1))
                    .body("[0].target", equalTo("recyclebin"))
                    .body("[0].problem", equalTo("role-required"))
                    .extract().jsonPath();
            ids.add(record.getLong("[0].id"));
        }
        return ids;
    }

    private static io.restassured.response.ValidatableResponse verification() {
        return given().get("/api/v1/audit/verification").then().statusCode(200);
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private void asOwner(String... statements) throws SQLException {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            sql.execute("alter table audit_record disable trigger audit_record_append_only");
            for (String statement : statements) {
                sql.execute(statement);
            }
            sql.execute("alter table audit_record enable trigger audit_record_append_only");
            connection.commit();
        }
    }
}
