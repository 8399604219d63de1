package io.drsuite.cli.commands.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import io.drsuite.cli.output.Column;
import io.drsuite.cli.output.Json;
import io.drsuite.cli.output.Terminal;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code drctl routing show CLUSTER}: the routing of a cluster and of the relationships it is part of (the DNS name
 * that follows the primary, the webhooks called on a role change) and the webhooks' last calls.
 */
@Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false,
        description = "The routing of a cluster and of its relationships: the DNS name the suite points at the "
                + "primary after a switchover or failover, the webhooks it calls (keys only as 'secret set'), and "
                + "the webhooks' last calls with their delivery state. -o json: {cluster, routing, relationships "
                + "(their routing documents), webhookDeliveries}.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl routing show prod",
            "  drctl routing show prod --deliveries 30",
            "  drctl routing show prod -o json | jq '.webhookDeliveries[].state'"})
public class RoutingShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CLUSTER", description = "The cluster's name")
    String cluster;

    @Option(names = "--deliveries", paramLabel = "N", description = "How many of the last webhook calls to show. "
            + "Default: 10")
    int deliveries = 10;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        JsonNode own = cli.client().get(Service.RELATIONSHIP, ApiPath.of("/api/v1/clusters/{}/routing", cluster));
        List<JsonNode> relationships = relationshipsOf(cli);
        ObjectNode document = cli.json().createObjectNode();
        document.put("cluster", cluster);
        document.set("routing", own);
        ArrayNode routings = document.putArray("relationships");
        List<JsonNode> calls = new ArrayList<>(calls(cli, "cluster", cluster));
        for (JsonNode relationship : relationships) {
            String id = relationship.path("id").asText();
            routings.add(cli.client().get(Service.RELATIONSHIP, ApiPath.of("/api/v1/relationships/{}/routing", id)));
            calls.addAll(calls(cli, "relationship", id));
        }
        calls.sort(Comparator.comparingLong((JsonNode call) -> call.path("id").asLong()).reversed());
        ArrayNode last = document.putArray("webhookDeliveries");
        calls.stream().limit(Math.max(0, deliveries)).forEach(last::add);
        if (cli.printer().forPeople()) {
            print(cli, document);
        } else {
            cli.printer().document(document);
        }
        return ExitCode.DONE;
    }

    private List<JsonNode> relationshipsOf(Cli cli) {
        JsonNode page = cli.client().get(Service.RELATIONSHIP, ApiPath.of("/api/v1/relationships")
                .query("limit", 500));
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode relationship : page) {
            for (JsonNode member : relationship.path("clusters")) {
                if (cluster.equals(member.path("name").asText())) {
                    found.add(relationship);
                    break;
                }
            }
        }
        return found;
    }

    private List<JsonNode> calls(Cli cli, String owner, String value) {
        if (deliveries <= 0) {
            return List.of();
        }
        JsonNode page = cli.client().get(Service.RELATIONSHIP, ApiPath.of("/api/v1/webhook-deliveries")
                .query(owner, value).query("limit", Math.min(deliveries, 500)));
        List<JsonNode> list = new ArrayList<>();
        page.forEach(list::add);
        return list;
    }

    private void print(Cli cli, JsonNode document) {
        Terminal terminal = cli.terminal();
        PrintStream out = terminal.out();
        out.println(terminal.bold("Cluster " + cluster));
        printRouting(out, document.path("routing"));
        for (JsonNode routing : document.path("relationships")) {
            out.println(terminal.bold("Relationship " + Json.text(routing, "owner.name")));
            printRouting(out, routing);
        }
        out.println(terminal.bold("Last webhook calls"));
        cli.printer().list(document.path("webhookDeliveries"), List.of(
                Column.of("ID", "id"),
                Column.of("CREATED", "createdAt"),
                Column.of("OWNER", "owner.name"),
                Column.of("URL", "url"),
                Column.of("CHANGE", RoutingText::change),
                Column.of("STATE", "state"),
                Column.of("ATTEMPTS", "attempts"),
                Column.of("LAST ANSWER", RoutingText::lastAnswer)));
    }

    private static void printRouting(PrintStream out, JsonNode routing) {
        out.println("  DNS:      " + RoutingText.dns(routing.path("dns")));
        JsonNode webhooks = routing.path("webhooks");
        if (webhooks.isEmpty()) {
            out.println("  webhooks: none");
        }
        for (JsonNode webhook : webhooks) {
            out.println("  webhook:  " + RoutingText.webhook(webhook));
        }
    }
}
