package io.drsuite.cli.commands.bin;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import io.drsuite.cli.output.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code drctl bin drop TABLE}: drops a table into the recycle bin (instant: nothing is copied). */
@Command(name = "drop", mixinStandardHelpOptions = true,
        description = "Drop a table into the recycle bin: it disappears from its schema at once and can be "
                + "restored until it expires (drctl bin restore). Nothing is copied.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl bin drop orders_2019 --cluster prod --database shop",
            "  drctl bin drop sales.orders_2019 --cluster prod --database shop -o json"})
public class BinDropCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "[SCHEMA.]TABLE", description = "The table (schema public when not given)")
    String table;

    @Option(names = "--cluster", required = true, paramLabel = "CLUSTER", description = "The cluster")
    String cluster;

    @Option(names = "--database", required = true, paramLabel = "DB", description = "The database")
    String database;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("cluster", cluster);
        request.put("database", database);
        int dot = table.indexOf('.');
        request.put("schema", dot < 0 ? "public" : table.substring(0, dot));
        request.put("table", dot < 0 ? table : table.substring(dot + 1));
        JsonNode entry = cli.client().post(Service.RECYCLEBIN, ApiPath.of("/api/v1/recyclebin/drops"), request);
        if (cli.printer().forPeople()) {
            cli.printer().message("Dropped " + BinColumns.describe(entry) + " into the recycle bin as entry "
                    + Json.text(entry, "id") + "; it expires at " + Json.text(entry, "expiresAt") + ".");
            cli.printer().message("  bring it back: drctl bin restore " + BinColumns.name(entry) + " --cluster "
                    + cluster + " --database " + database);
        } else {
            cli.printer().document(entry);
        }
        return ExitCode.DONE;
    }
}
