package io.drsuite.cli.commands.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import io.drsuite.cli.output.Json;
import io.drsuite.cli.task.WaitOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code drctl snapshot verify ID}: re-reads the stored data and checks it, waiting for the verdict. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify a snapshot's stored data: SHA-256 against the one recorded at write time, then "
                + "pg_verifybackup (physical) or pg_restore --list (logical). Waits unless --no-wait; exit code 1 "
                + "when the data is corrupt or the check could not run.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl snapshot verify 0b7d6f1c-2a4e-4c55-9a51-3e2f1d0c9b8a",
            "  drctl snapshot verify 0b7d6f1c-2a4e-4c55-9a51-3e2f1d0c9b8a --no-wait"})
public class SnapshotVerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WaitOption wait;

    @Parameters(paramLabel = "ID", description = "The snapshot's id")
    String id;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        JsonNode accepted = cli.client().post(Service.SNAPSHOT, ApiPath.of("/api/v1/snapshots/{}/verify", id),
                null);
        int exit = wait.follow(cli, accepted, Json.text(accepted, "taskId"));
        if (exit != ExitCode.DONE || !wait.waited()) {
            return exit;
        }
        JsonNode snapshot = SnapshotOutcome.settled(cli, ApiPath.of("/api/v1/snapshots/{}", id),
                "verification.state");
        String verdict = Json.text(snapshot, "verification.state");
        String detail = Json.text(snapshot, "verification.detail");
        if (cli.printer().forPeople()) {
            String line = "Snapshot " + id + " verification: " + verdict + (detail.isEmpty() ? "" : " (" + detail
                    + ")");
            cli.printer().message("ok".equals(verdict) ? cli.terminal().green(line) : cli.terminal().red(line));
        }
        return "ok".equals(verdict) ? ExitCode.DONE : ExitCode.OPERATION_FAILED;
    }
}
