package io.drsuite.cli.commands.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.commands.Confirmation;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code drctl node remove CLUSTER NODE --reason ...}: takes a standby out of the registry (its server is left
 * alone; its replication slot on the primary is dropped when unused). The user types the node's name unless
 * {@code --yes}.
 */
@Command(name = "remove", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Remove a standby from a cluster's registry. Its server is not touched; its replication slot "
                + "on the primary is dropped when unused. Not the primary, nor a synchronous standby. Needs the "
                + "admin role and a reason; asks to type the node's name unless --yes.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl node remove prod prod-3 --reason \"host retired\"",
            "  drctl node remove prod prod-3 --reason \"host retired\" --yes -o json   # the cluster as it is now"})
public class NodeRemoveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CLUSTER", description = "The cluster's name")
    String cluster;

    @Parameters(index = "1", paramLabel = "NODE", description = "The standby to remove")
    String node;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why; kept in the audit log")
    String reason;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation")
    boolean yes;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        Confirmation.require(cli.terminal(), yes, "Node " + node + " leaves cluster " + cluster + "'s registry; the "
                + "suite no longer watches, rebuilds or promotes it.", node);
        JsonNode view = cli.client().delete(Service.RELATIONSHIP, ApiPath.of("/api/v1/clusters/{}/nodes/{}",
                cluster, node).query("reason", reason));
        if (cli.printer().forPeople()) {
            cli.printer().message("Removed node " + node + " from cluster " + cluster + ". Its nodes now:");
            cli.printer().list(view.path("nodes"), ClusterNodes.COLUMNS);
        } else {
            cli.printer().document(view);
        }
        return ExitCode.DONE;
    }
}
