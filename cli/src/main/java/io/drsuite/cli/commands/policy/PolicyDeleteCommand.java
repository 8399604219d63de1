package io.drsuite.cli.commands.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import io.drsuite.cli.output.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code drctl policy delete NAME}: removes a backup policy; its snapshots stay. */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete a backup policy (admin). Its snapshots stay, no longer under retention.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl policy delete prod-nightly"})
public class PolicyDeleteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The policy's name (or id)")
    String name;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        JsonNode policy = Policies.existing(cli, name);
        cli.client().delete(Service.SNAPSHOT, ApiPath.of("/api/v1/policies/{}", Json.text(policy, "id")));
        cli.printer().message("Deleted backup policy " + Json.text(policy, "name") + "; its snapshots stay.");
        return ExitCode.DONE;
    }
}
