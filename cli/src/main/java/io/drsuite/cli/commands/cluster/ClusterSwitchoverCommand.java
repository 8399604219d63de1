package io.drsuite.cli.commands.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import io.drsuite.cli.task.WaitOption;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code drctl cluster switchover NAME --to NODE}: openGauss's {@code gs_ctl switchover} for a whole cluster. The
 * primary stops cleanly, the chosen standby is promoted once it has replayed the shutdown checkpoint, the old primary
 * follows it; no data is lost.
 */
@Command(name = "switchover", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Planned switchover inside a cluster: stops the primary cleanly, promotes NODE once it has "
                + "replayed everything, restarts the old primary as its standby and re-points the other standbys "
                + "(and the DR side when the cluster is a relationship's production side). No data is lost.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl cluster switchover prod --to prod-2",
            "  drctl cluster switchover prod --to prod-2 --no-wait   # prints the task id",
            "  drctl cluster switchover prod --to prod-2 -o json     # the finished task"})
public class ClusterSwitchoverCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CLUSTER", description = "The cluster's name")
    String cluster;

    @Option(names = "--to", required = true, paramLabel = "NODE", description = "The standby to promote")
    String toNode;

    @Mixin
    WaitOption wait;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        JsonNode accepted = cli.client().post(Service.RELATIONSHIP,
                ApiPath.of("/api/v1/clusters/{}/switchover", cluster), Map.of("toNode", toNode));
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
