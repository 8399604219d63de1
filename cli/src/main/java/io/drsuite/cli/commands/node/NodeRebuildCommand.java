package io.drsuite.cli.commands.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.commands.cluster.ClusterOperationEnd;
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

/** {@code drctl node rebuild CLUSTER NODE [--mode auto|incremental|full]}: openGauss's {@code gs_ctl build}. */
@Command(name = "rebuild", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Rebuild a standby from the cluster's primary (openGauss's build); also turns a former "
                + "primary into a standby. auto tries pg_rewind and falls back to a full pg_basebackup.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl node rebuild prod prod-1",
            "  drctl node rebuild prod prod-1 --mode full",
            "  drctl node rebuild prod prod-1 --no-wait"})
public class NodeRebuildCommand implements Callable<Integer> {

    /** The API's rebuild modes. */
    public enum Mode { auto, incremental, full }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CLUSTER", description = "The cluster's name")
    String cluster;

    @Parameters(index = "1", paramLabel = "NODE", description = "The node to rebuild (not the primary)")
    String node;

    @Option(names = "--mode", paramLabel = "MODE", description = "auto (pg_rewind, a full copy when that fails), "
            + "incremental (pg_rewind only) or full (pg_basebackup). Default: auto")
    Mode mode = Mode.auto;

    @Mixin
    WaitOption wait;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        JsonNode accepted = cli.client().post(Service.RELATIONSHIP,
                ApiPath.of("/api/v1/clusters/{}/nodes/{}/rebuild", cluster, node), Map.of("mode", mode.name()));
        String taskId = accepted.path("taskId").asText();
        int exit = wait.follow(cli, accepted, taskId);
        if (wait.waited()) {
            ClusterOperationEnd.await(cli, cluster, taskId);
        }
        return exit;
    }
}
