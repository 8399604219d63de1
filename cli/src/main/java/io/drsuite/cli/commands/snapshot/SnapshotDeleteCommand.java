package io.drsuite.cli.commands.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.commands.Confirmation;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import io.drsuite.cli.output.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code drctl snapshot delete ID}: deletes a snapshot and its stored data, after confirmation. */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete a snapshot and its stored data (admin). Asks to type the snapshot's cluster name "
                + "unless --yes.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl snapshot delete 0b7d6f1c-2a4e-4c55-9a51-3e2f1d0c9b8a",
            "  drctl snapshot delete 0b7d6f1c-2a4e-4c55-9a51-3e2f1d0c9b8a --yes"})
public class SnapshotDeleteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The snapshot's id")
    String id;

    @Option(names = "--yes", description = "Do not ask for confirmation")
    boolean yes;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        JsonNode snapshot = cli.client().get(Service.SNAPSHOT, ApiPath.of("/api/v1/snapshots/{}", id));
        String cluster = Json.text(snapshot, "cluster");
        Confirmation.require(cli.terminal(), yes, "This deletes snapshot " + id + " of " + cluster + " ("
                + Json.text(snapshot, "kind") + ", " + Json.text(snapshot, "consistentAt")
                + ") and its stored data for good.", cluster);
        cli.client().delete(Service.SNAPSHOT, ApiPath.of("/api/v1/snapshots/{}", id));
        cli.printer().message("Deleted snapshot " + id + ".");
        return ExitCode.DONE;
    }
}
