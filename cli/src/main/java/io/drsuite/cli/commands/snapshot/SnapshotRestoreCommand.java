package io.drsuite.cli.commands.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.CliFailure;
import io.drsuite.cli.commands.Confirmation;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import io.drsuite.cli.output.Json;
import io.drsuite.cli.task.WaitOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code drctl snapshot restore ID}: restores a snapshot and follows the restore task. A restore that replaces data
 * (physical, named tables, or {@code --replace}) needs a reason and is confirmed by typing the target cluster's name
 * unless {@code --yes}.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restore a snapshot. Logical: into a new database by default (<database>_<snapshot time>), "
                + "into --database, or over --table rows; physical: onto a node's data directory. A restore that "
                + "replaces data needs --reason (kept in the audit log) and the admin role, and asks to type the "
                + "cluster's name unless --yes. Waits with progress unless --no-wait.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl snapshot restore 0b7d6f1c-2a4e-4c55-9a51-3e2f1d0c9b8a",
            "  drctl snapshot restore 0b7d6f1c-2a4e-4c55-9a51-3e2f1d0c9b8a --cluster staging --database shop_copy",
            "  drctl snapshot restore 0b7d6f1c-2a4e-4c55-9a51-3e2f1d0c9b8a --table public.orders \\",
            "      --reason 'orders deleted by a faulty job (INC-4712)'",
            "  drctl snapshot restore 0b7d6f1c-2a4e-4c55-9a51-3e2f1d0c9b8a --cluster fresh --reason 'rebuild' --yes"})
public class SnapshotRestoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WaitOption wait;

    @Parameters(paramLabel = "ID", description = "The snapshot's id")
    String id;

    @Option(names = "--cluster", paramLabel = "CLUSTER", description = "The cluster to restore into (default: the "
            + "snapshot's own)")
    String cluster;

    @Option(names = "--database", paramLabel = "DB", description = "Logical: the database to restore into")
    String database;

    @Option(names = "--node", paramLabel = "NODE", description = "Physical: the node whose data directory is "
            + "replaced (default: the cluster's main node)")
    String node;

    @Option(names = "--table", paramLabel = "SCHEMA.TABLE", description = "Logical: replace only this table's rows "
            + "(repeatable)")
    List<String> tables;

    @Option(names = "--replace", description = "Logical: replace an existing database (--database, default the "
            + "snapshot's own database)")
    boolean replace;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why data is replaced (required then; kept in "
            + "the audit log)")
    String reason;

    @Option(names = "--yes", description = "Do not ask for confirmation")
    boolean yes;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        JsonNode snapshot = cli.client().get(Service.SNAPSHOT, ApiPath.of("/api/v1/snapshots/{}", id));
        String kind = Json.text(snapshot, "kind");
        String target = cluster != null ? cluster : Json.text(snapshot, "cluster");
        boolean replaces = RestoreScope.replaces(kind, replace, tables);
        if (replaces && (reason == null || reason.isBlank())) {
            throw CliFailure.usage("this restore replaces data on " + target + ": say why with --reason (kept in the "
                    + "audit log)");
        }
        String intoDatabase = database;
        if (replaces && intoDatabase == null && "logical".equals(kind)) {
            intoDatabase = Json.text(snapshot, "database");
        }
        if (replaces) {
            Confirmation.require(cli.terminal(), yes, RestoreScope.consequence(kind, target, intoDatabase, node,
                    tables), target);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        putIfSet(request, "targetCluster", cluster);
        putIfSet(request, "targetDatabase", intoDatabase);
        putIfSet(request, "targetNode", node);
        putIfSet(request, "tables", tables);
        if (replaces) {
            request.put("replace", true);
        }
        putIfSet(request, "reason", reason);
        JsonNode accepted = cli.client().post(Service.SNAPSHOT, ApiPath.of("/api/v1/snapshots/{}/restore", id),
                request);
        String restoreId = Json.text(accepted, "restore.id");
        boolean following = wait.waited();
        if (cli.printer().forPeople() && following) {
            cli.printer().message("Restore " + restoreId + " of snapshot " + id + " into " + target);
        }
        int exit = wait.follow(cli, accepted, Json.text(accepted, "taskId"));
        if (following) {
            JsonNode restore = SnapshotOutcome.settled(cli, ApiPath.of("/api/v1/restores/{}", restoreId), "phase");
            if (cli.printer().forPeople()) {
                String where = Json.text(restore, "targetDatabase").isEmpty() ? "node " + Json.text(restore,
                        "targetNode") : "database " + Json.text(restore, "targetDatabase");
                cli.printer().message("Restore " + restoreId + " " + Json.text(restore, "phase") + ": " + where
                        + " of " + Json.text(restore, "targetCluster") + (Json.text(restore, "error").isEmpty() ? ""
                                : " (" + Json.text(restore, "error") + ")"));
            }
        }
        return exit;
    }

    private static void putIfSet(Map<String, Object> request, String field, Object value) {
        if (value != null) {
            request.put(field, value);
        }
    }
}
