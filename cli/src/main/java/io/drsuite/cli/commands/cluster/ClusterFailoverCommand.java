package io.drsuite.cli.commands.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.commands.Confirmation;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import io.drsuite.cli.task.WaitOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code drctl cluster failover NAME [--to NODE] --reason ...}: the cluster's primary is lost; a standby is promoted
 * (the named one, or the one that received the most WAL). Writes the old primary had and the standby never received
 * are lost, so the user types the cluster's name unless {@code --yes}.
 */
@Command(name = "failover", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Unplanned failover inside a cluster whose primary is lost: fences the old primary where it "
                + "can be reached, promotes NODE (or, without --to, the standby that has received the most WAL), "
                + "re-points the other standbys and the DR side, and reports the estimated data loss. Needs the "
                + "admin role and a reason (kept in the audit log); asks to type the cluster's name unless --yes.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl cluster failover prod --reason \"prod-1 host down (INC-4712)\"",
            "  drctl cluster failover prod --to prod-3 --reason \"rack A lost\" --yes",
            "  drctl cluster failover prod --reason drill --yes -o json"})
public class ClusterFailoverCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CLUSTER", description = "The cluster's name")
    String cluster;

    @Option(names = "--to", paramLabel = "NODE", description = "The standby to promote (default: the one that has "
            + "received the most WAL)")
    String toNode;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why; kept in the audit log")
    String reason;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation")
    boolean yes;

    @Mixin
    WaitOption wait;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        Confirmation.require(cli.terminal(), yes, "Failover of cluster " + cluster + ": its primary is fenced and "
                + (toNode == null ? "the most advanced standby" : toNode) + " promoted; writes it never received "
                + "are lost.", cluster);
        Map<String, Object> body = new LinkedHashMap<>();
        if (toNode != null) {
            body.put("toNode", toNode);
        }
        body.put("reason", reason);
        JsonNode accepted = cli.client().post(Service.RELATIONSHIP,
                ApiPath.of("/api/v1/clusters/{}/failover", cluster), body);
        String taskId = accepted.path("taskId").asText();
        int exit = wait.follow(cli, accepted, taskId);
        if (wait.waited()) {
            ClusterOperationEnd.await(cli, cluster, taskId);
            if (exit == ExitCode.DONE && cli.printer().forPeople()) {
                PrimaryMove.report(cli, cluster, taskId);
            }
        }
        return exit;
    }
}
