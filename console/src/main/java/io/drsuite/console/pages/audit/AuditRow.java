package io.drsuite.console.pages.audit;

import static io.drsuite.console.pages.JsonFields.instant;
import static io.drsuite.console.pages.JsonFields.text;
import static io.drsuite.console.pages.JsonFields.uuid;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An audit record of one of the five services: who asked what of which target, how it ended and why, with the
 * console's page for the target and for the task the request started.
 *
 * @param target what the request acted on, as a path under {@code /api/v1/} ({@code relationships/<id>},
 *        {@code clusters/<name>}, {@code snapshots/<id>}, ...)
 */
public record AuditRow(long id, Instant recordedAt, String service, String operation, String target, String outcome,
        Integer status, String problem, String reason, UUID taskId, String actorName, List<String> actorRoles) {

    static AuditRow of(JsonNode record) {
        List<String> roles = new ArrayList<>();
        record.path("actor").path("roles").forEach(role -> roles.add(role.asText()));
        return new AuditRow(record.path("id").asLong(), instant(record.path("recordedAt")),
                text(record.path("service")), text(record.path("operation")), text(record.path("target")),
                text(record.path("outcome")), record.path("status").isNumber() ? record.path("status").asInt() : null,
                text(record.path("problem")), text(record.path("reason")), uuid(record.path("taskId")),
                text(record.path("actor").path("name")), roles);
    }

    /** The console's page of the target, or null when it has none. */
    public String objectLink() {
        if (target == null) {
            return null;
        }
        String[] parts = target.split("/");
        String collection = parts[0];
        String key = parts.length > 1 ? parts[1] : null;
        return switch (collection) {
            case "relationships" -> key == null ? "/" : page("/relationships/{id}", key);
            case "clusters" -> key == null ? "/clusters" : page("/clusters/{name}", key);
            case "tasks" -> key == null ? "/tasks" : page("/tasks/{id}", key);
            case "snapshots", "restores", "policies", "storage" -> "/snapshots";
            case "recyclebin" -> "/bin";
            case "alerts" -> "/alerts";
            default -> null;
        };
    }

    public String taskLink() {
        return taskId == null ? null : page("/tasks/{id}", taskId);
    }

    public String roles() {
        return String.join(", ", actorRoles);
    }

    private static String page(String template, Object key) {
        return UriBuilder.fromPath(template).build(key).toString();
    }
}
