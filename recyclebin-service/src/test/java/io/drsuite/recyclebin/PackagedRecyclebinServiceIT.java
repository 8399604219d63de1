package io.drsuite.recyclebin;

import static io.drsuite.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.drsuite.testing.BrokerRegistry;
import io.drsuite.testing.PackagedServiceInfrastructure;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.ServiceBasicsContract;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The packaged service (target/quarkus-app, production profile) against the real servers: the basics every service
 * owes, and a table of a real cluster registered on the broker moved into the recycle bin and brought back with its
 * rows. Its run also trains the AOT cache.
 */
@QuarkusIntegrationTest
@WithTestResource(value = PackagedServiceInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PackagedRecyclebinServiceIT extends ServiceBasicsContract {

    @Test
    void recyclesAndRestoresATableOfARealCluster() throws Exception {
        try (PostgresInstance server = PostgresInstance.primary("packaged-bin")) {
            server.execute("create database shop");
            server.executeIn("shop", "create table notes (id int primary key, body text)",
                    "insert into notes select i, 'note ' || i from generate_series(1, 25) i");
            String cluster = "packaged-" + UUID.randomUUID().toString().substring(0, 8);
            BrokerRegistry.register(cluster, server);

            String id = given().contentType(ContentType.JSON)
                    .body(Map.of("cluster", cluster, "database", "shop", "table", "notes"))
                    .post("/api/v1/recyclebin/drops").then().statusCode(201).extract().jsonPath().getString("id");
            assertThat(query(server, "select count(*) from pg_tables where schemaname = 'public' and tablename = 'notes'"))
                    .isZero();

            given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/recyclebin/{id}/restore", id)
                    .then().statusCode(200);
            assertThat(query(server, "select count(*) from public.notes")).isEqualTo(25);
        }
    }

    private static long query(PostgresInstance server, String countQuery) throws SQLException {
        try (Connection connection = server.connect("shop");
                ResultSet rows = connection.createStatement().executeQuery(countQuery)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
