package io.drsuite.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.drsuite.testing.LocalInfrastructure;
import io.drsuite.testing.ServiceBasicsContract;
import io.drsuite.testing.SignedIn;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What every service owes (health, Prometheus metrics, the OpenAPI document, Swagger UI's sign-in, problem+json,
 * sign-in on every API path, the audit log), checked against the packaged services of the run as they run in
 * production (target/quarkus-app, production profile); the modules' own tests check the same in their test profile.
 * The console's basics too. The packaged-jar tests of the modules ({@code *IT}) are the workload that trains the AOT
 * caches ({@code ./drsuite aot}); the test command runs these instead, against the services it starts anyway.
 */
class PackagedServicesSystemTest {

    private static final Suite SUITE = Suite.get();

    @Nested
    class RelationshipService extends PackagedServiceBasics {
        RelationshipService() {
            super(SUITE.relationships);
        }
    }

    @Nested
    class TaskService extends PackagedServiceBasics {
        TaskService() {
            super(SUITE.tasks);
        }
    }

    @Nested
    class MonitorService extends PackagedServiceBasics {
        MonitorService() {
            super(SUITE.monitor);
        }
    }

    @Nested
    class SnapshotService extends PackagedServiceBasics {
        SnapshotService() {
            super(SUITE.snapshots);
        }
    }

    @Nested
    class RecyclebinService extends PackagedServiceBasics {
        RecyclebinService() {
            super(SUITE.recyclebin);
        }
    }

    @Nested
    class Console {

        private final String url = SUITE.console.baseUrl();

        @Test
        void readyWhenKafkaIsReachableAndServesMetrics() {
            given().when().get(url + "/q/health/ready").then().statusCode(200)
                    .body("status", equalTo("UP"))
                    .body(containsString("Kafka connection health check"));
            given().accept("text/plain").when().get(url + "/q/metrics").then().statusCode(200)
                    .contentType(startsWith("text/plain"))
                    .body(containsString("drsuite_console_live_pages"))
                    .body(containsString("jvm_memory_used_bytes"));
        }

        @Test
        void anAnonymousVisitorIsSentToTheIdentityProviderWithPkce() {
            Response response = given().redirects().follow(false).when().get(url + "/");
            assertEquals(302, response.statusCode());
            String location = response.header("Location");
            assertTrue(location.startsWith(LocalInfrastructure.oidcIssuer() + "/protocol/openid-connect/auth?"),
                    location);
            assertTrue(location.contains("code_challenge_method=S256"), location);
        }
    }

    /** The contract against one running service: every request goes to its port. */
    abstract static class PackagedServiceBasics extends ServiceBasicsContract {

        private final ServiceProcess service;

        PackagedServiceBasics(ServiceProcess service) {
            this.service = service;
        }

        @Override
        protected RequestSpecification anonymous() {
            return RestAssured.given().baseUri(service.baseUrl());
        }

        @Override
        protected RequestSpecification signedIn(String user) {
            return SignedIn.as(user).baseUri(service.baseUrl());
        }

        @Override
        protected Path servedOpenApi() {
            return Path.of("target/openapi", service.module() + ".json");
        }
    }
}
