package io.drsuite.cli.commands.pitr;

import io.drsuite.cli.Cli;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code drctl wal-archive list}: every archive with its state, newest segment, gaps and recovery window. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List WAL archives with their state, newest "
        + "segment and its age, gaps and recovery window.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl wal-archive list",
            "  drctl wal-archive list --cluster prod -o json"})
public class WalArchiveListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--cluster", paramLabel = "CLUSTER", description = "Only this cluster's archives")
    String cluster;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        cli.printer().list(cli.client().get(Service.SNAPSHOT, ApiPath.of("/api/v1/wal-archives")
                .query("cluster", cluster)), WalArchiveColumns.LIST);
        return ExitCode.DONE;
    }
}
