package io.drsuite.cli.commands.pitr;

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

/** {@code drctl wal-archive off ID}: stops the streaming; what is archived stays until retention removes it. */
@Command(name = "off", mixinStandardHelpOptions = true,
        description = "Switch a WAL archive off (admin): the streaming stops and its slot is dropped; the archived "
                + "WAL stays until snapshot retention removes it. From then on the recovery window no longer grows. "
                + "Asks to type the cluster's name unless --yes.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl wal-archive off 5f0c3b1e-8d2a-4f7e-9c61-2b3a4d5e6f70 --yes"})
public class WalArchiveOffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The archive's id")
    String id;

    @Option(names = "--yes", description = "Do not ask for confirmation")
    boolean yes;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        ApiPath path = ApiPath.of("/api/v1/wal-archives/{}", id);
        JsonNode archive = cli.client().get(Service.SNAPSHOT, path);
        String cluster = Json.text(archive, "cluster");
        Confirmation.require(cli.terminal(), yes, "This stops archiving the WAL of " + cluster + ": no restore "
                + "will reach a point after now.", cluster);
        JsonNode accepted = cli.client().delete(Service.SNAPSHOT, path);
        cli.printer().message("WAL archive " + id + " of " + cluster + ": " + Json.text(accepted, "archive.state")
                + ".");
        return ExitCode.DONE;
    }
}
