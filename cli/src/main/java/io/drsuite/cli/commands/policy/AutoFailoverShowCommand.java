package io.drsuite.cli.commands.policy;

import io.drsuite.cli.Cli;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import io.drsuite.cli.output.Column;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code drctl policy auto-failover show NAME}: whether and when the DR cluster is promoted on its own. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show a relationship's automatic failover policy.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl policy auto-failover show shop",
            "  drctl policy auto-failover show shop -o json"})
public class AutoFailoverShowCommand implements Callable<Integer> {

    static final List<Column> FIELDS = List.of(Column.of("Enabled", "enabled"),
            Column.of("Primary down for", node -> node.path("primaryDownSeconds").asText() + " s"),
            Column.of("Max data loss", node -> node.path("maxDataLossBytes").asText() + " bytes"),
            Column.of("Last requested", "lastRequestedAt"));

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The relationship's name (or id)")
    String relationship;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        String id = Policies.relationshipId(cli, relationship);
        cli.printer().object(cli.client().get(Service.MONITOR, ApiPath.of("/api/v1/policies/auto-failover/{}", id)),
                FIELDS);
        return ExitCode.DONE;
    }
}
