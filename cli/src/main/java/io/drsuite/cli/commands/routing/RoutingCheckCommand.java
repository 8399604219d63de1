package io.drsuite.cli.commands.routing;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.CliFailure;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import io.drsuite.cli.output.Column;
import io.drsuite.cli.output.Terminal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code drctl routing check CLUSTER [NODE]}: what a load balancer in front of the cluster would see now, from
 * monitor-service's {@code /primary} and {@code /replica} checks for each node; exit 0 when exactly one answers as
 * the primary.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Ask monitor-service's load-balancer checks (/primary and /replica, as HAProxy does) for each "
                + "node of the cluster, or for NODE. Exit 0 when exactly one node answers as the primary, 1 "
                + "otherwise. -o json prints a stable document: cluster, healthy, primaries, and per node the status "
                + "and answer word of both checks.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl routing check prod",
            "  drctl routing check prod prod-2     # exit 0 when prod-2 is the primary",
            "  drctl routing check prod -o json | jq -r '.primaries[0]'"})
public class RoutingCheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CLUSTER", description = "The cluster's name")
    String cluster;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NODE", description = "Only this node")
    String node;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        JsonNode view = cli.client().get(Service.RELATIONSHIP, ApiPath.of("/api/v1/clusters/{}", cluster));
        RouteProbe probe = new RouteProbe(cli.settings().url(Service.MONITOR));
        List<RouteCheck.NodeAnswers> answers = new ArrayList<>();
        for (JsonNode registered : view.path("nodes")) {
            String name = registered.path("name").asText();
            if (node == null || node.equals(name)) {
                answers.add(new RouteCheck.NodeAnswers(name, registered.path("role").asText(),
                        probe.primary(cluster, name), probe.replica(cluster, name)));
            }
        }
        if (answers.isEmpty()) {
            throw new CliFailure(ExitCode.REFUSED, "cluster " + cluster + " has no node " + node);
        }
        RouteCheck check = new RouteCheck(cluster, answers);
        if (cli.printer().forPeople()) {
            Terminal terminal = cli.terminal();
            cli.printer().list(check.toJson(cli.json()).path("nodes"), List.of(
                    Column.of("NODE", "name"),
                    Column.of("REGISTERED AS", "role"),
                    Column.of("/primary", item -> shown(item.path("primary"))),
                    Column.of("/replica", item -> shown(item.path("replica")))));
            terminal.out().println(check.healthy() ? terminal.green(check.verdict()) : terminal.red(check.verdict()));
        } else {
            cli.printer().document(check.toJson(cli.json()));
        }
        return check.healthy() ? ExitCode.DONE : ExitCode.OPERATION_FAILED;
    }

    private static String shown(JsonNode answer) {
        return answer.path("status").asInt() + " " + answer.path("answer").asText();
    }
}
