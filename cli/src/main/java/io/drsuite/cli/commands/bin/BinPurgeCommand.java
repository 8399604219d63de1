package io.drsuite.cli.commands.bin;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.CliFailure;
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

/** {@code drctl bin purge NAME|ID} (or {@code --all}): destroys dropped objects for good, after confirmation. */
@Command(name = "purge", mixinStandardHelpOptions = true,
        description = "Purge an entry of the recycle bin: the object is destroyed for good (admin). Asks to type "
                + "the object's name unless --yes. With --all, a cluster's whole bin (type the cluster's name; "
                + "--reason is kept in the audit log).",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl bin purge orders_2019 --cluster prod",
            "  drctl bin purge 3e2f1d0c-9b8a-4c55-9a51-0b7d6f1c2a4e --yes",
            "  drctl bin purge --all --cluster staging --reason 'staging reset'"})
public class BinPurgeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME|ID", arity = "0..1", description = "The dropped table ([schema.]table) or the "
            + "entry id")
    String entry;

    @Option(names = "--cluster", paramLabel = "CLUSTER", description = "The cluster whose bin holds it")
    String cluster;

    @Option(names = "--database", paramLabel = "DB", description = "The database whose bin holds it")
    String database;

    @Option(names = "--all", description = "Every entry in the cluster's bin (needs --cluster and --reason)")
    boolean all;

    @Option(names = "--reason", paramLabel = "TEXT", description = "With --all: why (kept in the audit log)")
    String reason;

    @Option(names = "--yes", description = "Do not ask for confirmation")
    boolean yes;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        if (all) {
            return purgeAll(cli);
        }
        if (entry == null) {
            throw CliFailure.usage("name the entry to purge (or --all --cluster NAME)");
        }
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

    private int purgeAll(Cli cli) {
        if (entry != null || database != null) {
            throw CliFailure.usage("--all purges a whole cluster's bin: no entry name and no --database with it");
        }
        if (cluster == null || reason == null || reason.isBlank()) {
            throw CliFailure.usage("--all needs --cluster and --reason");
        }
        Confirmation.require(cli.terminal(), yes, "This destroys everything in the recycle bin of " + cluster
                + " for good.", cluster);
        JsonNode purged = cli.client().delete(Service.RECYCLEBIN, ApiPath.of("/api/v1/recyclebin")
                .query("cluster", cluster).query("confirm", cluster).query("reason", reason));
        if (cli.printer().forPeople()) {
            cli.printer().message("Purged " + Json.text(purged, "purged") + " entries of " + cluster + "'s recycle "
                    + "bin.");
        } else {
            cli.printer().document(purged);
        }
        return ExitCode.DONE;
    }
}
