package io.drsuite.cli.commands.bin;

import io.drsuite.cli.Cli;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code drctl bin list}: what the recycle bin holds, the latest dropped first. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List recycle-bin entries, the latest dropped first: those still in the bin unless --state.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl bin list --cluster prod",
            "  drctl bin list --cluster prod --database shop --state all -o json"})
public class BinListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--cluster", paramLabel = "CLUSTER", description = "Only this cluster's bin")
    String cluster;

    @Option(names = "--database", paramLabel = "DB", description = "Only this database")
    String database;

    @Option(names = "--kind", paramLabel = "KIND", description = "table, schema or database")
    String kind;

    @Option(names = "--state", paramLabel = "STATE", description = "recycled (default), restored, purged or all")
    String state;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most N (1-500; default "
            + "${DEFAULT-VALUE})")
    int limit;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        cli.printer().list(cli.client().get(Service.RECYCLEBIN, ApiPath.of("/api/v1/recyclebin")
                .query("cluster", cluster).query("database", database).query("kind", kind).query("state", state)
                .query("limit", limit)), BinColumns.LIST);
        return ExitCode.DONE;
    }
}
