package io.drsuite.cli.commands.pitr;

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

/** {@code drctl wal-archive on CLUSTER}: starts streaming the cluster's WAL into a storage location. */
@Command(name = "on", mixinStandardHelpOptions = true,
        description = "Switch a cluster's WAL archive on: the suite streams its WAL with pg_receivewal from the "
                + "cluster's main node (through a slot of its own) into the storage location, segment by segment, "
                + "and follows the main node across switchovers and failovers.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl wal-archive on prod",
            "  drctl wal-archive on prod --storage s3 --synchronous"})
public class WalArchiveOnCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CLUSTER", description = "The registered cluster whose WAL is archived")
    String cluster;

    @Option(names = "--storage", paramLabel = "LOCATION", description = "The storage location (default: the "
            + "default one)")
    String storage;

    @Option(names = "--synchronous", description = "Stream with pg_receivewal --synchronous, so the archive can be "
            + "listed in synchronous_standby_names (RPO zero to the archive; commits wait for it)")
    boolean synchronous;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("cluster", cluster);
        if (storage != null) {
            request.put("storage", storage);
        }
        if (synchronous) {
            request.put("synchronous", true);
        }
        JsonNode accepted = cli.client().post(Service.SNAPSHOT, ApiPath.of("/api/v1/wal-archives"), request);
        if (cli.printer().forPeople()) {
            JsonNode archive = accepted.path("archive");
            cli.printer().message("WAL archive " + Json.text(archive, "id") + " of " + cluster + " into "
                    + Json.text(archive, "storage") + ": " + Json.text(archive, "state") + " (task "
                    + Json.text(accepted, "taskId") + ")");
        } else {
            cli.printer().document(accepted);
        }
        return ExitCode.DONE;
    }
}
