package io.drsuite.cli.commands.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code drctl snapshot show ID}: one snapshot with its size, checksum, LSN and last verification. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show a snapshot: phase, size, SHA-256, start LSN, the moment its data is as of, location and "
                + "the last verification.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl snapshot show 0b7d6f1c-2a4e-4c55-9a51-3e2f1d0c9b8a"})
public class SnapshotShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The snapshot's id")
    String id;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        JsonNode snapshot = cli.client().get(Service.SNAPSHOT, ApiPath.of("/api/v1/snapshots/{}", id));
        cli.printer().object(snapshot, SnapshotColumns.DETAIL.stream()
                .filter(field -> !field.value().apply(snapshot).isEmpty()).toList());
        return ExitCode.DONE;
    }
}
