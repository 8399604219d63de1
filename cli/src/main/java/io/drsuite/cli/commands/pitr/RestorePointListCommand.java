package io.drsuite.cli.commands.pitr;

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

/** {@code drctl restore-point list}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the recorded restore points.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl restore-point list --cluster prod"})
public class RestorePointListCommand implements Callable<Integer> {

    private static final List<Column> COLUMNS = List.of(Column.of("CLUSTER", "cluster"), Column.of("NAME", "name"),
            Column.of("LSN", "lsn"), Column.of("TIMELINE", "timeline"), Column.of("CREATED", "createdAt"),
            Column.of("BY", "requestedBy"));

    @Spec
    CommandSpec spec;

    @Option(names = "--cluster", paramLabel = "CLUSTER", description = "Only this cluster's restore points")
    String cluster;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        cli.printer().list(cli.client().get(Service.SNAPSHOT, ApiPath.of("/api/v1/restore-points")
                .query("cluster", cluster)), COLUMNS);
        return ExitCode.DONE;
    }
}
