package io.drsuite.cli.commands.snapshot;

import io.drsuite.cli.Cli;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code drctl snapshot list}: the catalog, newest first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List snapshots, newest first.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl snapshot list",
            "  drctl snapshot list --cluster prod --kind logical",
            "  drctl snapshot list --cluster prod -o json | jq -r '.[0].id'"})
public class SnapshotListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--cluster", paramLabel = "CLUSTER", description = "Only this cluster's snapshots")
    String cluster;

    @Option(names = "--kind", paramLabel = "KIND", description = "physical or logical")
    String kind;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N (1-500; default "
            + "${DEFAULT-VALUE})")
    int limit;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        cli.printer().list(cli.client().get(Service.SNAPSHOT, ApiPath.of("/api/v1/snapshots")
                .query("cluster", cluster).query("kind", kind).query("limit", limit)), SnapshotColumns.LIST);
        return ExitCode.DONE;
    }
}
