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

/** {@code drctl policy show NAME}: one backup policy with its last and next run. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show a backup policy with its last and next run.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl policy show prod-nightly"})
public class PolicyShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The policy's name (or id)")
    String name;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        String id = Json.text(Policies.existing(cli, name), "id");
        JsonNode policy = cli.client().get(Service.SNAPSHOT, ApiPath.of("/api/v1/policies/{}", id));
        cli.printer().object(policy, Policies.DETAIL.stream().filter(field -> !field.value().apply(policy).isEmpty())
                .toList());
        return ExitCode.DONE;
    }
}
