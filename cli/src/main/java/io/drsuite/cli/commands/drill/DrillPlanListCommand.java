package io.drsuite.cli.commands.drill;

import io.drsuite.cli.Cli;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.EveryPage;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code drctl drill plan list}: every drill plan by name, with its next and last run. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List drill plans with their next and last "
        + "run.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl drill plan list",
            "  drctl drill plan list -o json"})
public class DrillPlanListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        cli.printer().list(EveryPage.of(cli, Service.RELATIONSHIP, DrillPlans.PATH), DrillPlans.LIST);
        return ExitCode.DONE;
    }
}
