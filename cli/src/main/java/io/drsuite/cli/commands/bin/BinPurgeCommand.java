package io.drsuite.cli.commands.bin;

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

/** {@code drctl bin purge NAME|ID}: destroys a dropped table for good, after confirmation. */
@Command(name = "purge", mixinStandardHelpOptions = true,
        description = "Purge an entry of the recycle bin: the object is destroyed for good (admin). Asks to type "
                + "the object's name unless --yes.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl bin purge orders_2019 --cluster prod",
            "  drctl bin purge 3e2f1d0c-9b8a-4c55-9a51-0b7d6f1c2a4e --yes"})
public class BinPurgeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME|ID", description = "The dropped table ([schema.]table) or the entry id")
    String entry;

    @Option(names = "--cluster", paramLabel = "CLUSTER", description = "The cluster whose bin holds it")
    String cluster;

    @Option(names = "--database", paramLabel = "DB", description = "The database whose bin holds it")
    String database;

    @Option(names = "--yes", description = "Do not ask for confirmation")
    boolean yes;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        JsonNode found = BinEntries.find(cli, entry, cluster, database);
        Confirmation.require(cli.terminal(), yes, "This destroys " + BinColumns.describe(found)
                + " for good; it cannot be restored afterwards.", Json.text(found, "originalName"));
        JsonNode purged = cli.client().delete(Service.RECYCLEBIN, ApiPath.of("/api/v1/recyclebin/{}",
                Json.text(found, "id")));
        if (cli.printer().forPeople()) {
            cli.printer().message("Purged " + BinColumns.describe(purged) + ".");
        } else {
            cli.printer().document(purged);
        }
        return ExitCode.DONE;
    }
}
