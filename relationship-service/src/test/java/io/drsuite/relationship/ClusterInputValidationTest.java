package io.drsuite.relationship;

import static io.drsuite.testing.SignedIn.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Bad input gets a 4xx problem+json naming the field, and registers nothing. No database is contacted: every
 * request here is refused before the nodes are probed (the node addresses point nowhere).
 */
@QuarkusTest
class ClusterInputValidationTest {

    private static final String NAME = "valid-name";

    static Stream<Arguments> invalidRegistrations() {
        return Stream.of(
                invalid("name", body -> body.put("name", "Bad_Name")),
                invalid("name", body -> body.put("name", "x".repeat(64))),
                invalid("name", body -> body.remove("name")),
                invalid("nodes", body -> body.put("nodes", List.of())),
                invalid("nodes[0].port", body -> node(body).put("port", 70000)),
                invalid("nodes[0].port", body -> node(body).put("port", 0)),
                invalid("nodes[0].host", body -> node(body).put("host", "db 1;reboot")),
                invalid("nodes[0].dataDirectory", body -> node(body).put("dataDirectory", "relative/path")),
                invalid("nodes[0].dataDirectory", body -> node(body).put("dataDirectory", "/srv/../etc")),
                invalid("nodes[0].access.complete", body -> node(body).put("access", Map.of("kind", "local"))),
                invalid("nodes[0].access.complete", body -> node(body).put("access", Map.of("kind", "ssh",
                        "sshHost", "10.0.0.1", "sshUser", "postgres"))),
                invalid("adminLogin", body -> body.remove("adminLogin")),
                invalid("replicationLogin.username",
                        body -> body.put("replicationLogin", Map.of("username", "bad name", "password", "x"))),
                invalid("nodes[1].name", body -> Registrations.nodes(body)
                        .add(Registrations.node("n1", "127.0.0.1", 1, "/srv/other"))),
                invalid("nodes[1].port", body -> Registrations.nodes(body)
                        .add(Registrations.node("n2", "127.0.0.1", 9, "/srv/other"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRegistrations")
    void invalidRegistrationIsRefusedAndChangesNothing(String field, Map<String, Object> body) {
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/clusters")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("field", equalTo(field));
        given().when().get("/api/v1/clusters").then().statusCode(200).body("name", not(hasItem(NAME)));
    }

    @Test
    void unknownAccessKindIsUnreadable() {
        Map<String, Object> body = valid();
        node(body).put("access", Map.of("kind", "telnet", "osUser", "postgres"));
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/clusters")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("telnet"));
    }

    @Test
    void malformedJsonIsAProblem() {
        given().contentType(ContentType.JSON).body("{\"name\": ").when().post("/api/v1/clusters")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", containsString("unreadable-body"));
    }

    @Test
    void oversizedBodyIsRefused() {
        Map<String, Object> body = valid();
        body.put("padding", "x".repeat(70_000));
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/clusters")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", containsString("body-too-large"));
    }

    private static Arguments invalid(String field, Consumer<Map<String, Object>> breakIt) {
        Map<String, Object> body = valid();
        breakIt.accept(body);
        return Arguments.of(field, body);
    }

    private static Map<String, Object> valid() {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("name", NAME);
        body.put("nodes", new java.util.ArrayList<>(List.of(Registrations.node("n1", "127.0.0.1", 9, "/srv/pg"))));
        body.put("adminLogin", Map.of("username", "postgres", "password", "pw"));
        body.put("replicationLogin", Map.of("username", "repl", "password", "pw"));
        return body;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> node(Map<String, Object> body) {
        return ((List<Map<String, Object>>) body.get("nodes")).get(0);
    }
}
