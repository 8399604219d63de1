package io.drsuite.system;

import static io.drsuite.testing.SignedIn.ADMIN;
import static io.drsuite.testing.SignedIn.OPERATOR;
import static io.drsuite.testing.SignedIn.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.SignedIn;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Who may do what, on the five packaged services with real Keycloak tokens. The table below names the least role
 * of every API operation; each service's own OpenAPI document says which operations exist, so an operation added
 * without a line here fails the test, as does one whose roles differ from the table. Every operation refuses a
 * caller without a token (401) and the roles below its least (403), both as problem+json, and admits its least
 * role; the load balancers' health checks ({@link #OPEN}) admit callers without a token. Path parameters name nothing that exists, so an admitted call finds nothing to change.
 */
class AccessControlSystemTest {

    /** The load balancers' health checks: open to callers without a token, which answer them like anyone else. */
    private static final String OPEN = "open";

    private static final Map<String, String> LEAST_ROLE = new TreeMap<>(Map.ofEntries(
            // relationship-service
            Map.entry("relationship-service POST /api/v1/clusters", ADMIN),
            Map.entry("relationship-service GET /api/v1/clusters", VIEWER),
            Map.entry("relationship-service GET /api/v1/clusters/{name}", VIEWER),
            Map.entry("relationship-service DELETE /api/v1/clusters/{name}", ADMIN),
            Map.entry("relationship-service POST /api/v1/relationships", OPERATOR),
            Map.entry("relationship-service GET /api/v1/relationships", VIEWER),
            Map.entry("relationship-service GET /api/v1/relationships/{id}", VIEWER),
            Map.entry("relationship-service POST /api/v1/relationships/{id}/switchover", OPERATOR),
            Map.entry("relationship-service POST /api/v1/relationships/{id}/failover", ADMIN),
            Map.entry("relationship-service POST /api/v1/relationships/{id}/reprotect", OPERATOR),
            Map.entry("relationship-service POST /api/v1/relationships/{id}/stop", ADMIN),
            Map.entry("relationship-service POST /api/v1/relationships/{id}/resume", OPERATOR),
            Map.entry("relationship-service GET /api/v1/relationships/{id}/objectives", VIEWER),
            Map.entry("relationship-service PUT /api/v1/relationships/{id}/objectives", ADMIN),
            Map.entry("relationship-service POST /api/v1/sandboxes", ADMIN),
            Map.entry("relationship-service GET /api/v1/sandboxes", VIEWER),
            Map.entry("relationship-service GET /api/v1/sandboxes/{name}", VIEWER),
            Map.entry("relationship-service DELETE /api/v1/sandboxes/{name}", ADMIN),
            Map.entry("relationship-service POST /api/v1/drills", OPERATOR),
            Map.entry("relationship-service GET /api/v1/drills", VIEWER),
            Map.entry("relationship-service GET /api/v1/drills/{id}", VIEWER),
            Map.entry("relationship-service GET /api/v1/drills/{id}/report", VIEWER),
            Map.entry("relationship-service POST /api/v1/drill-plans", ADMIN),
            Map.entry("relationship-service GET /api/v1/drill-plans", VIEWER),
            Map.entry("relationship-service GET /api/v1/drill-plans/{name}", VIEWER),
            Map.entry("relationship-service PUT /api/v1/drill-plans/{name}", ADMIN),
            Map.entry("relationship-service DELETE /api/v1/drill-plans/{name}", ADMIN),
            Map.entry("relationship-service POST /api/v1/clusters/{name}/switchover", OPERATOR),
            Map.entry("relationship-service POST /api/v1/clusters/{name}/failover", ADMIN),
            Map.entry("relationship-service POST /api/v1/clusters/{name}/nodes/{node}/rebuild", OPERATOR),
            Map.entry("relationship-service POST /api/v1/clusters/{name}/resume", OPERATOR),
            Map.entry("relationship-service POST /api/v1/clusters/{name}/nodes", ADMIN),
            Map.entry("relationship-service DELETE /api/v1/clusters/{name}/nodes/{node}", ADMIN),
            Map.entry("relationship-service PUT /api/v1/clusters/{name}/synchronous-standbys", ADMIN),
            Map.entry("relationship-service GET /api/v1/clusters/{name}/routing", VIEWER),
            Map.entry("relationship-service PUT /api/v1/clusters/{name}/routing", ADMIN),
            Map.entry("relationship-service DELETE /api/v1/clusters/{name}/routing", ADMIN),
            Map.entry("relationship-service GET /api/v1/relationships/{id}/routing", VIEWER),
            Map.entry("relationship-service PUT /api/v1/relationships/{id}/routing", ADMIN),
            Map.entry("relationship-service DELETE /api/v1/relationships/{id}/routing", ADMIN),
            Map.entry("relationship-service GET /api/v1/webhook-deliveries", VIEWER),
            Map.entry("relationship-service GET /api/v1/webhook-deliveries/{id}", VIEWER),
            // task-service
            Map.entry("task-service GET /api/v1/tasks", VIEWER),
            Map.entry("task-service GET /api/v1/tasks/{id}", VIEWER),
            Map.entry("task-service POST /api/v1/tasks/{id}/cancel", OPERATOR),
            Map.entry("task-service POST /api/v1/tasks/{id}/resume", OPERATOR),
            // monitor-service
            Map.entry("monitor-service GET /api/v1/health/clusters", VIEWER),
            Map.entry("monitor-service GET /api/v1/health/clusters/{name}", VIEWER),
            Map.entry("monitor-service GET /api/v1/health/relationships/{id}", VIEWER),
            Map.entry("monitor-service GET /api/v1/health/relationships/{id}/thresholds", VIEWER),
            Map.entry("monitor-service PUT /api/v1/health/relationships/{id}/thresholds", ADMIN),
            Map.entry("monitor-service GET /api/v1/alerts", VIEWER),
            Map.entry("monitor-service GET /api/v1/clusters", VIEWER),
            Map.entry("monitor-service GET /api/v1/clusters/{name}", VIEWER),
            Map.entry("monitor-service GET /api/v1/policies/auto-failover/{relationshipId}", VIEWER),
            Map.entry("monitor-service PUT /api/v1/policies/auto-failover/{relationshipId}", ADMIN),
            Map.entry("monitor-service GET /api/v1/clusters/{name}/local-failover-policy", VIEWER),
            Map.entry("monitor-service PUT /api/v1/clusters/{name}/local-failover-policy", ADMIN),
            Map.entry("monitor-service GET /api/v1/routing/nodes/{node}/primary", OPEN),
            Map.entry("monitor-service GET /api/v1/routing/nodes/{node}/replica", OPEN),
            Map.entry("monitor-service GET /api/v1/routing/clusters/{cluster}/nodes/{node}/primary", OPEN),
            Map.entry("monitor-service GET /api/v1/routing/clusters/{cluster}/nodes/{node}/replica", OPEN),
            // snapshot-service
            Map.entry("snapshot-service POST /api/v1/snapshots", OPERATOR),
            Map.entry("snapshot-service GET /api/v1/snapshots", VIEWER),
            Map.entry("snapshot-service GET /api/v1/snapshots/{id}", VIEWER),
            Map.entry("snapshot-service DELETE /api/v1/snapshots/{id}", ADMIN),
            Map.entry("snapshot-service POST /api/v1/snapshots/{id}/verify", OPERATOR),
            Map.entry("snapshot-service POST /api/v1/snapshots/{id}/restore", OPERATOR),
            Map.entry("snapshot-service GET /api/v1/snapshots/{id}/restores", VIEWER),
            Map.entry("snapshot-service GET /api/v1/restores/{id}", VIEWER),
            Map.entry("snapshot-service GET /api/v1/restore-tests", VIEWER),
            Map.entry("snapshot-service POST /api/v1/restores", ADMIN),
            Map.entry("snapshot-service POST /api/v1/wal-archives", OPERATOR),
            Map.entry("snapshot-service GET /api/v1/wal-archives", VIEWER),
            Map.entry("snapshot-service GET /api/v1/wal-archives/{id}", VIEWER),
            Map.entry("snapshot-service DELETE /api/v1/wal-archives/{id}", ADMIN),
            Map.entry("snapshot-service POST /api/v1/restore-points", OPERATOR),
            Map.entry("snapshot-service GET /api/v1/restore-points", VIEWER),
            Map.entry("snapshot-service POST /api/v1/policies", ADMIN),
            Map.entry("snapshot-service GET /api/v1/policies", VIEWER),
            Map.entry("snapshot-service GET /api/v1/policies/{id}", VIEWER),
            Map.entry("snapshot-service PUT /api/v1/policies/{id}", ADMIN),
            Map.entry("snapshot-service DELETE /api/v1/policies/{id}", ADMIN),
            Map.entry("snapshot-service GET /api/v1/storage", VIEWER),
            // recyclebin-service
            Map.entry("recyclebin-service POST /api/v1/recyclebin/drops", OPERATOR),
            Map.entry("recyclebin-service GET /api/v1/recyclebin", VIEWER),
            Map.entry("recyclebin-service GET /api/v1/recyclebin/{id}", VIEWER),
            Map.entry("recyclebin-service POST /api/v1/recyclebin/{id}/restore", OPERATOR),
            Map.entry("recyclebin-service DELETE /api/v1/recyclebin/{id}", ADMIN),
            Map.entry("recyclebin-service DELETE /api/v1/recyclebin", ADMIN),
            Map.entry("recyclebin-service GET /api/v1/recyclebin/retention/{cluster}", VIEWER),
            Map.entry("recyclebin-service PUT /api/v1/recyclebin/retention/{cluster}", ADMIN),
            Map.entry("recyclebin-service POST /api/v1/recyclebin/sql-functions", ADMIN),
            Map.entry("recyclebin-service DELETE /api/v1/recyclebin/sql-functions", ADMIN),
            // every service: its audit log
            Map.entry("relationship-service GET /api/v1/audit", VIEWER),
            Map.entry("relationship-service GET /api/v1/audit/verification", VIEWER),
            Map.entry("task-service GET /api/v1/audit", VIEWER),
            Map.entry("task-service GET /api/v1/audit/verification", VIEWER),
            Map.entry("monitor-service GET /api/v1/audit", VIEWER),
            Map.entry("monitor-service GET /api/v1/audit/verification", VIEWER),
            Map.entry("snapshot-service GET /api/v1/audit", VIEWER),
            Map.entry("snapshot-service GET /api/v1/audit/verification", VIEWER),
            Map.entry("recyclebin-service GET /api/v1/audit", VIEWER),
            Map.entry("recyclebin-service GET /api/v1/audit/verification", VIEWER)));

    private static final List<String> ROLES = List.of(VIEWER, OPERATOR, ADMIN);
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    private final Suite suite = Suite.get();
    private final DrApi api = new DrApi(suite);

    @Test
    void everyOperationOfEveryServiceAdmitsItsLeastRoleAndRefusesTheRest() {
        Map<String, ServiceProcess> services = suite.services().stream()
                .collect(Collectors.toMap(ServiceProcess::module, service -> service));
        TreeSet<String> published = new TreeSet<>();
        suite.services().forEach(service -> published.addAll(operations(service)));
        assertThat(published).as("the operations the services publish, each with its least role in the table")
                .isEqualTo(LEAST_ROLE.keySet());

        List<String> wrong = new ArrayList<>();
        for (String operation : published) {
            String[] parts = operation.split(" ", 3);
            ServiceProcess service = services.get(parts[0]);
            String method = parts[1];
            String path = concrete(parts[2]);
            int anonymous = call(RestAssured.given(), service, method, path).statusCode();
            if (OPEN.equals(LEAST_ROLE.get(operation))) {
                if (anonymous == 401 || anonymous == 403) {
                    wrong.add(operation + ": open, but without a token " + anonymous);
                }
                continue;
            }
            if (anonymous != 401) {
                wrong.add(operation + ": without a token " + anonymous);
            }
            int least = ROLES.indexOf(LEAST_ROLE.get(operation));
            for (int rank = 0; rank < ROLES.size(); rank++) {
                Response response = call(SignedIn.as(ROLES.get(rank)), service, method, path);
                boolean refused = response.statusCode() == 403;
                if (rank < least && !(refused && response.contentType().startsWith("application/problem+json")
                        && response.jsonPath().getString("detail").contains(LEAST_ROLE.get(operation)))) {
                    wrong.add(operation + ": " + ROLES.get(rank) + " got " + response.statusCode());
                } else if (rank >= least && (refused || response.statusCode() == 401)) {
                    wrong.add(operation + ": " + ROLES.get(rank) + " refused with " + response.statusCode());
                }
            }
        }
        assertThat(wrong).as("operations whose access differs from the table").isEmpty();
    }

    /** A token the issuer signed, for the suite, that has expired, is refused by every service. */
    @Test
    void anExpiredTokenIsRefusedByEveryService() throws InterruptedException {
        String expired = SignedIn.expiredAccessToken(ADMIN, ServiceProcess.OIDC_CLOCK_SKEW);
        for (ServiceProcess service : suite.services()) {
            RestAssured.given().baseUri(service.baseUrl()).auth().oauth2(expired)
                    .get("/api/v1/no-such-thing").then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("invalid_token"))
                    .body("type", containsString("invalid-token"));
        }
    }

    @Test
    void refusedCallsChangeNothingAndSayWhy() throws Exception {
        try (PostgresInstance prod = PostgresInstance.primary("acl-prod")) {
            api.register("acl-prod", prod);
            for (String user : List.of(VIEWER, OPERATOR)) {
                SignedIn.as(user).baseUri(suite.relationships.baseUrl())
                        .delete("/api/v1/clusters/{name}", "acl-prod").then().statusCode(403)
                        .contentType("application/problem+json")
                        .body("type", containsString("role-required"))
                        .body("detail", containsString("admin"));
            }
            RestAssured.given().baseUri(suite.relationships.baseUrl())
                    .delete("/api/v1/clusters/{name}", "acl-prod").then().statusCode(401)
                    .header("WWW-Authenticate", startsWith("Bearer"));
            SignedIn.as(ADMIN).baseUri(suite.relationships.baseUrl())
                    .delete("/api/v1/clusters/{name}", "acl-prod").then().statusCode(400)
                    .contentType("application/problem+json").body("field", org.hamcrest.Matchers.equalTo("reason"));
            JsonPath cluster = SignedIn.as(VIEWER).baseUri(suite.relationships.baseUrl())
                    .get("/api/v1/clusters/{name}", "acl-prod").then().statusCode(200).extract().jsonPath();
            assertThat(cluster.getString("name")).isEqualTo("acl-prod");

            JsonPath audit = SignedIn.as(VIEWER).baseUri(suite.relationships.baseUrl())
                    .queryParam("target", "clusters/acl-prod")
                    .queryParam("operation", "DELETE /api/v1/clusters/{name}")
                    .get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
            assertThat(audit.getList("actor.name")).as("every refused removal, newest first")
                    .containsExactly(ADMIN, "anonymous", OPERATOR, VIEWER);
            assertThat(audit.getList("status")).containsExactly(400, 401, 403, 403);
            assertThat(audit.getList("outcome")).containsOnly("refused");
            assertThat(audit.getList("problem")).containsExactly("invalid-request", "sign-in-required",
                    "role-required", "role-required");
            for (ServiceProcess service : suite.services()) {
                SignedIn.as(VIEWER).baseUri(service.baseUrl()).get("/api/v1/audit/verification").then()
                        .statusCode(200).body("intact", org.hamcrest.Matchers.equalTo(true));
            }
        }
    }

    private static List<String> operations(ServiceProcess service) {
        Map<String, Map<String, Object>> paths = RestAssured.given().baseUri(service.baseUrl())
                .get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath().getMap("paths");
        List<String> found = new ArrayList<>();
        paths.forEach((path, methods) -> methods.keySet().stream()
                .filter(method -> List.of("get", "post", "put", "delete", "patch").contains(method))
                .forEach(method -> found.add(service.module() + " " + method.toUpperCase() + " " + path)));
        return found;
    }

    /** Path parameters filled with names and ids that exist nowhere. */
    private static String concrete(String template) {
        Matcher parameter = PATH_PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            String value = parameter.group(1).toLowerCase().endsWith("id") ? UUID.randomUUID().toString()
                    : "no-such-thing";
            parameter.appendReplacement(path, value);
        }
        return parameter.appendTail(path).toString();
    }

    private static Response call(RequestSpecification request, ServiceProcess service, String method, String path) {
        RequestSpecification prepared = request.baseUri(service.baseUrl());
        if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            prepared = prepared.contentType(ContentType.JSON).body("{}");
        }
        return prepared.request(method, path);
    }
}
