package io.drsuite.cli.commands.drill;

import io.drsuite.cli.Cli;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code drctl drill plan delete NAME}: removes a drill plan; the drills it started stay. */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete a drill plan (admin). The drills it started stay, with its name.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl drill plan delete shop-weekly"})
public class DrillPlanDeleteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The plan's name")
    String name;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        cli.client().delete(Service.RELATIONSHIP, ApiPath.of(DrillPlans.PATH + "/{}", name));
        cli.printer().message("Deleted drill plan " + name + "; the drills it started stay.");
        return ExitCode.DONE;
    }
}
