package io.drsuite.cli.commands.monitor;

import io.drsuite.cli.Cli;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import io.drsuite.cli.output.Column;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code drctl alerts}: monitor-service's alerts, newest first. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "List alerts raised by monitor-service (lag over threshold, a node down, a broken slot, ...), "
                + "newest first: firing and resolved unless --state.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl alerts",
            "  drctl alerts --state firing",
            "  drctl alerts --state firing -o json | jq length"})
public class AlertsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--state", paramLabel = "STATE", description = "firing or resolved (default: both)")
    String state;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N (1-500; default "
            + "${DEFAULT-VALUE})")
    int limit;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        cli.printer().list(cli.client().get(Service.MONITOR, ApiPath.of("/api/v1/alerts").query("state", state)
                .query("limit", limit)), List.of(Column.of("RAISED", "raisedAt"), Column.of("STATE", "state"),
                Column.of("RULE", "rule"), Column.of("SUBJECT", "subject"), Column.of("DETAIL", "detail"),
                Column.of("RESOLVED", "resolvedAt"), Column.of("RELATIONSHIP", "relationshipId")));
        return ExitCode.DONE;
    }
}
