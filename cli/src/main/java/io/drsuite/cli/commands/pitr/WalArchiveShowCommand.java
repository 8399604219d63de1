package io.drsuite.cli.commands.pitr;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code drctl wal-archive show ID}: one archive. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show a WAL archive: state, segments, gaps, "
        + "the recovery window and the streaming task.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl wal-archive show 5f0c3b1e-8d2a-4f7e-9c61-2b3a4d5e6f70"})
public class WalArchiveShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The archive's id")
    String id;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        JsonNode archive = cli.client().get(Service.SNAPSHOT, ApiPath.of("/api/v1/wal-archives/{}", id));
        cli.printer().object(archive, WalArchiveColumns.DETAIL.stream()
                .filter(field -> !field.value().apply(archive).isEmpty()).toList());
        return ExitCode.DONE;
    }
}
