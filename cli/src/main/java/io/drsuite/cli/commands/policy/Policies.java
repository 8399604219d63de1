package io.drsuite.cli.commands.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.CliFailure;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.commands.relationship.Relationships;
import io.drsuite.cli.http.ApiPath;
import io.drsuite.cli.output.Column;
import io.drsuite.cli.output.Json;
import java.util.List;
import java.util.Optional;

/** Backup policies by the name users give them (the API addresses them by id), and how they read for people. */
final class Policies {

    static final List<Column> LIST = List.of(Column.of("NAME", "name"), Column.of("CLUSTER", "cluster"),
            Column.of("KIND", "kind"), Column.of("DATABASE", "database"), Column.of("SCHEDULE", "schedule"),
            Column.of("KEEP", Policies::retention), Column.of("SUSPENDED", "suspended"),
            Column.of("NEXT RUN", "nextRunAt"), Column.of("LAST RUN", "lastRunAt"),
            Column.of("LAST ERROR", "lastError"));

    static final List<Column> DETAIL = List.of(Column.of("Policy", "name"), Column.of("Id", "id"),
            Column.of("Cluster", "cluster"), Column.of("Kind", "kind"), Column.of("Database", "database"),
            Column.of("Tables", "tables"), Column.of("Schedule", node -> Json.text(node, "schedule") + " (UTC)"),
            Column.of("Retention", Policies::retention), Column.of("Storage", "storage"),
            Column.of("Suspended", "suspended"), Column.of("Next run", "nextRunAt"),
            Column.of("Last run", "lastRunAt"), Column.of("Last snapshot", "lastSnapshotId"),
            Column.of("Last error", "lastError"), Column.of("Created", "createdAt"),
            Column.of("Updated", "updatedAt"));

    private Policies() {
    }

    static Optional<JsonNode> find(Cli cli, String nameOrId) {
        for (JsonNode policy : cli.client().get(Service.SNAPSHOT, ApiPath.of("/api/v1/policies"))) {
            if (nameOrId.equals(Json.text(policy, "name")) || nameOrId.equals(Json.text(policy, "id"))) {
                return Optional.of(policy);
            }
        }
        return Optional.empty();
    }

    static JsonNode existing(Cli cli, String nameOrId) {
        return find(cli, nameOrId).orElseThrow(() -> new CliFailure(ExitCode.REFUSED, "no backup policy '"
                + nameOrId + "' (drctl policy list shows them)"));
    }

    static String retention(JsonNode policy) {
        String keepLast = Json.text(policy, "retention.keepLast");
        String maxAge = Json.text(policy, "retention.maxAge");
        String window = Json.text(policy, "retention.recoveryWindow");
        String kept = keepLast.isEmpty() ? (maxAge.isEmpty() ? "" : "for " + maxAge)
                : "last " + keepLast + (maxAge.isEmpty() ? "" : ", for " + maxAge);
        return window.isEmpty() ? kept : kept + ", recoverable " + window;
    }

    /** A relationship's id from its name (or its id). */
    static String relationshipId(Cli cli, String nameOrId) {
        return Relationships.id(Relationships.find(cli, nameOrId));
    }
}
