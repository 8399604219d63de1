package io.drsuite.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

/**
 * What every service must do, run against each service with real PostgreSQL and Kafka: be ready (database and
 * Kafka reachable), export Prometheus metrics with the outbox's own metrics, publish its OpenAPI document, and
 * answer unknown paths with problem+json.
 */
public abstract class ServiceBasicsContract {

    @Test
    void readyWhenDatabaseAndKafkaAreReachable() {
        given().when().get("/q/health/ready").then().log().ifValidationFails().statusCode(200)
                .body("status", equalTo("UP"))
                .body(containsString("Database connections health check"))
                .body(containsString("Kafka connection health check"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void exportsPrometheusMetrics() {
        given().accept("text/plain").when().get("/q/metrics").then().statusCode(200)
                .contentType(startsWith("text/plain"))
                .body(containsString("# TYPE drsuite_outbox_pending gauge"))
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void publishesOpenApi() {
        given().when().get("/q/openapi?format=json").then().statusCode(200).body("openapi", startsWith("3."));
    }

    @Test
    void unknownPathIsAProblem() {
        given().when().get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}
