package io.drsuite.relationship;

import static io.drsuite.testing.SignedIn.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.drsuite.testing.PackagedServiceInfrastructure;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.ServiceBasicsContract;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The packaged service (target/quarkus-app, production profile) against the real servers: the basics every service
 * owes, and a cluster registered, read back and removed. Its run also trains the AOT cache.
 */
@QuarkusIntegrationTest
@WithTestResource(value = PackagedServiceInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PackagedRelationshipServiceIT extends ServiceBasicsContract {

    @Test
    void registersReadsAndRemovesARealCluster() throws Exception {
        try (PostgresInstance primary = PostgresInstance.primary("packaged-primary")) {
            String name = "packaged-" + UUID.randomUUID().toString().substring(0, 8);
            given().contentType(ContentType.JSON).body(Registrations.cluster(name, primary))
                    .when().post("/api/v1/clusters")
                    .then().statusCode(201)
                    .body("nodes[0].role", equalTo("primary"))
                    .body("majorVersion", equalTo(15))
                    .body(not(containsString(PostgresInstance.SUPERUSER_PASSWORD)));
            given().when().get("/api/v1/clusters/" + name).then().statusCode(200).body("name", equalTo(name));
            given().when().delete("/api/v1/clusters/" + name + "?reason=test clean-up").then().statusCode(204);
            given().when().get("/api/v1/clusters/" + name).then().statusCode(404)
                    .contentType("application/problem+json");
        }
        String log = Files.readString(Path.of("target/test-service.log"));
        assertFalse(log.contains(PostgresInstance.SUPERUSER_PASSWORD), "a password was logged");
    }
}
