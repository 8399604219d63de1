package io.drsuite.cli.commands.pitr;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import io.drsuite.cli.output.Json;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code drctl restore-point create CLUSTER NAME}. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create a named restore point on the cluster's primary and record it (name, LSN, timeline).",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl restore-point create prod before-migration-42"})
public class RestorePointCreateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CLUSTER", description = "The cluster")
    String cluster;

    @Parameters(index = "1", paramLabel = "NAME", description = "1 to 63 characters, unique per cluster")
    String name;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        JsonNode point = cli.client().post(Service.SNAPSHOT, ApiPath.of("/api/v1/restore-points"),
                Map.of("cluster", cluster, "name", name));
        if (cli.printer().forPeople()) {
            cli.printer().message("Restore point " + name + " on " + cluster + " at " + Json.text(point, "lsn")
                    + " (timeline " + Json.text(point, "timeline") + ")");
        } else {
            cli.printer().document(point);
        }
        return ExitCode.DONE;
    }
}
