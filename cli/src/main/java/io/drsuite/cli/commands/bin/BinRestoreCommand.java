package io.drsuite.cli.commands.bin;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import io.drsuite.cli.output.Json;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code drctl bin restore NAME|ID}: brings a dropped table back, under its name or a new one. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restore an entry of the recycle bin under its original name, or --as another. Name it by "
                + "its entry id or by the dropped table's name (the latest drop of that name).",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl bin restore orders_2019 --cluster prod",
            "  drctl bin restore public.orders_2019 --cluster prod --database shop --as orders_2019_back",
            "  drctl bin restore 3e2f1d0c-9b8a-4c55-9a51-0b7d6f1c2a4e"})
public class BinRestoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME|ID", description = "The dropped table ([schema.]table) or the entry id")
    String entry;

    @Option(names = "--cluster", paramLabel = "CLUSTER", description = "The cluster whose bin holds it")
    String cluster;

    @Option(names = "--database", paramLabel = "DB", description = "The database whose bin holds it")
    String database;

    @Option(names = "--as", paramLabel = "NAME", description = "Restore under this name (same schema)")
    String as;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        JsonNode found = BinEntries.find(cli, entry, cluster, database);
        Map<String, Object> request = new HashMap<>();
        if (as != null) {
            request.put("as", as);
        }
        JsonNode restored = cli.client().post(Service.RECYCLEBIN, ApiPath.of("/api/v1/recyclebin/{}/restore",
                Json.text(found, "id")), request);
        if (cli.printer().forPeople()) {
            cli.printer().message("Restored " + BinColumns.describe(restored)
                    + (as == null ? "" : " as " + Json.text(restored, "restoredAs")) + ".");
        } else {
            cli.printer().document(restored);
        }
        return ExitCode.DONE;
    }
}
