package io.drsuite.recyclebin;

import static io.drsuite.testing.SignedIn.given;
import static org.awaitility.Awaitility.await;

import io.drsuite.relationships.KnownRelationship;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.RegistryFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** Registrations and relationship changes as relationship-service publishes them, and the bin's API. */
final class BinFixture {

    private final RegistryFixture registry;

    BinFixture(RegistryFixture registry) {
        this.registry = registry;
    }

    void register(String name, PostgresInstance... nodes) {
        registry.register(name, nodes);
    }

    void relationship(String name, String phase, String primary, String dr) {
        UUID id = UUID.nameUUIDFromBytes(name.getBytes());
        registry.publishRelationship(id, name, phase, primary, dr);
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            KnownRelationship known = KnownRelationship.findById(id);
            return known != null && known.phase.equals(phase);
        }));
    }

    static ValidatableResponse drop(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/recyclebin/drops").then();
    }

    static ValidatableResponse restore(String id, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/recyclebin/{id}/restore", id).then();
    }

    /** A single value from a query on the server. */
    static String value(PostgresInstance server, String database, String sql) throws SQLException {
        try (Connection connection = server.connect(database); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        }
    }
}
