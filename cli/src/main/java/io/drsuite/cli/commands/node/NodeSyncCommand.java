package io.drsuite.cli.commands.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code drctl node sync CLUSTER --count N [--nodes a,b]}: the cluster's local synchronous standbys, applied at once
 * on the primary as {@code synchronous_standby_names = 'ANY N (...)'} and kept by later switchovers and failovers.
 */
@Command(name = "sync", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Set the cluster's local synchronous standbys: a commit on the primary waits until COUNT of "
                + "the listed nodes have it (ANY COUNT). 0 makes commits wait for none. The primary may be listed: "
                + "the setting follows switchovers and failovers. Needs the admin role.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl node sync prod --count 1                        # any one of the cluster's nodes",
            "  drctl node sync prod --count 1 --nodes prod-2,prod-3",
            "  drctl node sync prod --count 0                        # asynchronous again"})
public class NodeSyncCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CLUSTER", description = "The cluster's name")
    String cluster;

    @Option(names = "--count", required = true, paramLabel = "N", description = "How many of the nodes a commit "
            + "waits for; 0: none")
    int count;

    @Option(names = "--nodes", split = ",", paramLabel = "NODE", description = "The nodes that may be synchronous, "
            + "separated by commas. Default: every node of the cluster (none with --count 0)")
    List<String> nodes;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        List<String> listed = nodes != null ? nodes : count == 0 ? List.of() : allNodes(cli);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("count", count);
        body.put("nodes", listed);
        JsonNode view = cli.client().put(Service.RELATIONSHIP,
                ApiPath.of("/api/v1/clusters/{}/synchronous-standbys", cluster), body);
        if (cli.printer().forPeople()) {
            cli.printer().message("Synchronous standbys of " + cluster + ": " + ClusterNodes.synchronous(view));
        } else {
            cli.printer().document(view);
        }
        return ExitCode.DONE;
    }

    private List<String> allNodes(Cli cli) {
        JsonNode view = cli.client().get(Service.RELATIONSHIP, ApiPath.of("/api/v1/clusters/{}", cluster));
        List<String> names = new ArrayList<>();
        view.path("nodes").forEach(node -> names.add(node.path("name").asText()));
        return names;
    }
}
