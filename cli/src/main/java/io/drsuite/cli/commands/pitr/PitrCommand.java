package io.drsuite.cli.commands.pitr;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.CliFailure;
import io.drsuite.cli.commands.Confirmation;
import io.drsuite.cli.commands.node.NodeAccessOptions;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import io.drsuite.cli.output.Json;
import io.drsuite.cli.task.Settling;
import io.drsuite.cli.task.WaitOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code drctl pitr CLUSTER --time|--lsn|--restore-point|--latest}: restores a node to a point in time. The suite
 * picks the base snapshot and the WAL itself; a registered node's data directory is replaced, so a reason and the
 * target cluster's name typed (unless {@code --yes}) are required. With {@code --new-node} it creates a node in no
 * cluster instead, and replaces nothing.
 */
@Command(name = "pitr", mixinStandardHelpOptions = true,
        description = "Restore to a point in time (admin): name a moment, an LSN, a restore point or the latest "
                + "archived WAL; the suite picks the newest physical snapshot before it, restores it onto the node "
                + "(the cluster's main node, or --onto-cluster / --node), replays the archived WAL to the target "
                + "and promotes (or pauses there with --pause). Replaces the node's data: needs --reason and asks "
                + "to type the target cluster's name unless --yes. Or creates a new node in no cluster with "
                + "--new-node, --host, --port and --data-directory (which must not exist yet), replacing nothing. "
                + "Waits with progress unless --no-wait.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl pitr prod --time 2026-12-03T09:14:00Z --onto-cluster prod-restore --node pg-r1 \\",
            "      --reason 'orders deleted by a faulty job (INC-4712)'",
            "  drctl pitr prod --restore-point before-migration-42 --pause --reason 'migration 42 broke the schema'",
            "  drctl pitr prod --latest --onto-cluster spare --reason 'rebuild from the archive' --yes",
            "  drctl pitr prod --time 2026-12-03T09:14:00Z --new-node prod-0914 --host 127.0.0.1 --port 5440 \\",
            "      --data-directory /var/lib/postgresql/15/prod-0914 --reason 'look at the orders before INC-4712'"})
public class PitrCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WaitOption wait;

    @Parameters(paramLabel = "CLUSTER", description = "The cluster whose past state is restored")
    String cluster;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--onto-cluster", paramLabel = "CLUSTER", description = "The cluster to restore onto (default: "
            + "CLUSTER itself)")
    String ontoCluster;

    @Option(names = "--node", paramLabel = "NODE", description = "The node whose data directory is replaced "
            + "(default: that cluster's main node)")
    String node;

    @Option(names = "--new-node", paramLabel = "NAME", description = "Create a new node of this name in no "
            + "cluster instead (with --host, --port, --data-directory and its access); nothing is replaced")
    String newNode;

    @Option(names = "--host", paramLabel = "HOST", description = "--new-node: its PostgreSQL host")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "--new-node: its PostgreSQL port. Default: 5432")
    int port = 5432;

    @Option(names = "--data-directory", paramLabel = "PATH", description = "--new-node: its data directory "
            + "(absolute; must not exist yet)")
    String dataDirectory;

    @Mixin
    NodeAccessOptions access;

    @Option(names = "--pause", description = "Pause at the target instead of promoting, to look before promoting")
    boolean pause;

    @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "Why (kept in the audit log)")
    String reason;

    @Option(names = "--yes", description = "Do not ask for confirmation")
    boolean yes;

    /** Exactly one target. */
    static class Target {

        @Option(names = "--time", paramLabel = "INSTANT", description = "An ISO-8601 moment, e.g. "
                + "2026-12-03T09:14:00Z")
        String time;

        @Option(names = "--lsn", paramLabel = "LSN", description = "A WAL position, e.g. 0/3000060")
        String lsn;

        @Option(names = "--restore-point", paramLabel = "NAME", description = "A recorded restore point")
        String restorePoint;

        @Option(names = "--latest", description = "The end of the archived WAL")
        boolean latest;
    }

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        if (reason.isBlank()) {
            throw CliFailure.usage("say why with --reason (kept in the audit log)");
        }
        Map<String, Object> request = request();
        String onto = ontoCluster != null ? ontoCluster : cluster;
        if (newNode == null) {
            Confirmation.require(cli.terminal(), yes, "This replaces the data directory of " + (node != null ? node
                    : "the main node") + " of " + onto + " with " + cluster + " as of " + describe() + ".", onto);
        }
        JsonNode accepted = cli.client().post(Service.SNAPSHOT, ApiPath.of("/api/v1/restores"), request);
        String restoreId = Json.text(accepted, "restore.id");
        if (cli.printer().forPeople() && wait.waited()) {
            cli.printer().message("Restore " + restoreId + ": " + cluster + " as of " + describe() + " onto "
                    + (newNode != null ? "new node " + newNode + " at " + host + ":" + port
                            : Json.text(accepted, "restore.targetNode") + " of " + onto));
        }
        int exit = wait.follow(cli, accepted, Json.text(accepted, "taskId"));
        if (wait.waited()) {
            JsonNode restore = Settling.await(cli, Service.SNAPSHOT, ApiPath.of("/api/v1/restores/{}", restoreId),
                    document -> !"running".equals(Json.text(document, "phase")), null);
            if (cli.printer().forPeople()) {
                cli.printer().message("Restore " + restoreId + " " + Json.text(restore, "phase")
                        + (Json.text(restore, "pointInTime.reachedLsn").isEmpty() ? "" : ": reached "
                                + Json.text(restore, "pointInTime.reachedLsn") + " on timeline "
                                + Json.text(restore, "pointInTime.reachedTimeline") + " ("
                                + Json.text(restore, "pointInTime.recoveryStop") + ")")
                        + (Json.text(restore, "error").isEmpty() ? "" : " (" + Json.text(restore, "error") + ")"));
            }
        }
        return exit;
    }

    /** The API's request; a new node excludes a registered one, and needs its place named. */
    Map<String, Object> request() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("cluster", cluster);
        request.put("target", targetDocument());
        Map<String, Object> where = new LinkedHashMap<>();
        if (newNode != null) {
            if (ontoCluster != null || node != null) {
                throw CliFailure.usage("--new-node creates a node in no cluster: leave out --onto-cluster and --node");
            }
            if (host == null || dataDirectory == null) {
                throw CliFailure.usage("--new-node needs --host and --data-directory (and --port unless 5432)");
            }
            Map<String, Object> created = new LinkedHashMap<>();
            created.put("name", newNode);
            created.put("host", host);
            created.put("port", port);
            created.put("dataDirectory", dataDirectory);
            created.put("access", access.toRequest(host));
            where.put("newNode", created);
        } else {
            if (host != null || dataDirectory != null) {
                throw CliFailure.usage("--host and --data-directory describe a --new-node");
            }
            if (ontoCluster != null) {
                where.put("cluster", ontoCluster);
            }
            if (node != null) {
                where.put("node", node);
            }
            request.put("replace", true);
        }
        if (!where.isEmpty()) {
            request.put("onto", where);
        }
        if (pause) {
            request.put("pauseAtTarget", true);
        }
        request.put("reason", reason);
        return request;
    }

    private Map<String, Object> targetDocument() {
        if (target.time != null) {
            return Map.of("time", target.time);
        }
        if (target.lsn != null) {
            return Map.of("lsn", target.lsn);
        }
        if (target.restorePoint != null) {
            return Map.of("restorePoint", target.restorePoint);
        }
        return Map.of("latest", true);
    }

    private String describe() {
        if (target.time != null) {
            return target.time;
        }
        if (target.lsn != null) {
            return "LSN " + target.lsn;
        }
        return target.restorePoint != null ? "restore point " + target.restorePoint : "the latest archived WAL";
    }
}
