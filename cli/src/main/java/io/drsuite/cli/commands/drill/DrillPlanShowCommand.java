package io.drsuite.cli.commands.drill;

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

/** {@code drctl drill plan show NAME}: one drill plan with its checks, its last and next run. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show a drill plan: its checks, its next run, and its last run with the drill it started or "
                + "why none started.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl drill plan show shop-weekly"})
public class DrillPlanShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The plan's name")
    String name;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        JsonNode plan = cli.client().get(Service.RELATIONSHIP, ApiPath.of(DrillPlans.PATH + "/{}", name));
        cli.printer().object(plan, DrillPlans.DETAIL.stream()
                .filter(field -> !field.value().apply(plan).isEmpty()).toList());
        return ExitCode.DONE;
    }
}
