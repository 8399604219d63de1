package io.drsuite.cli.commands.policy;

import io.drsuite.cli.Cli;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code drctl policy list}: every backup policy by name, with its next run. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List backup policies with their next run.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl policy list",
            "  drctl policy list -o json"})
public class PolicyListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        cli.printer().list(cli.client().get(Service.SNAPSHOT, ApiPath.of("/api/v1/policies")), Policies.LIST);
        return ExitCode.DONE;
    }
}
