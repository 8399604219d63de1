package io.drsuite.cli.commands.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.ExitCode;
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

/** {@code drctl snapshot create CLUSTER}: takes a snapshot now and follows its backup task. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Take a snapshot now: physical (the whole cluster) by default, logical with --database (and "
                + "--table). Waits for the backup with progress unless --no-wait; with -o json it prints the "
                + "finished task (parameters.snapshotId is the snapshot).",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl snapshot create prod --label 'before the upgrade'",
            "  drctl snapshot create prod --database shop",
            "  drctl snapshot create prod --database shop --table public.orders --table public.order_lines "
                + "--storage s3",
            "  drctl snapshot create prod --no-wait"})
public class SnapshotCreateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WaitOption wait;

    @Parameters(paramLabel = "CLUSTER", description = "The cluster to back up")
    String cluster;

    @Option(names = "--kind", paramLabel = "KIND", description = "physical or logical (default: logical with "
            + "--database, physical without)")
    String kind;

    @Option(names = "--database", paramLabel = "DB", description = "Logical: the database to dump")
    String database;

    @Option(names = "--table", paramLabel = "SCHEMA.TABLE", description = "Logical: dump only this table "
            + "(repeatable; a bare name is in public)")
    List<String> tables;

    @Option(names = "--storage", paramLabel = "NAME", description = "The storage location (default: the "
            + "deployment's default; drctl snapshot list shows where each one went)")
    String storage;

    @Option(names = "--label", paramLabel = "TEXT", description = "Free text shown in the catalog")
    String label;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("cluster", cluster);
        request.put("kind", kind != null ? kind : database != null ? "logical" : "physical");
        putIfSet(request, "database", database);
        putIfSet(request, "tables", tables);
        putIfSet(request, "storage", storage);
        putIfSet(request, "label", label);
        JsonNode accepted = cli.client().post(Service.SNAPSHOT, ApiPath.of("/api/v1/snapshots"), request);
        String snapshotId = Json.text(accepted, "snapshot.id");
        if (cli.printer().forPeople() && wait.waited()) {
            cli.printer().message("Snapshot " + snapshotId + " of " + cluster + " (" + request.get("kind") + ")");
        }
        int exit = wait.follow(cli, accepted, Json.text(accepted, "taskId"));
        if (exit == ExitCode.DONE && wait.waited()) {
            JsonNode snapshot = SnapshotOutcome.settled(cli, ApiPath.of("/api/v1/snapshots/{}", snapshotId),
                    "phase");
            if (cli.printer().forPeople()) {
                cli.printer().message("Snapshot " + snapshotId + " " + Json.text(snapshot, "phase") + ": "
                        + Json.bytes(snapshot.get("sizeBytes")) + " at " + Json.text(snapshot, "location"));
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
