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

/** {@code drctl drill show ID}: one drill, its figures and verdict. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one drill: state, RTO and RPO against "
        + "the objectives, and why it failed, if it did.",
        footerHeading = "%nExamples:%n", footer = {"  drctl drill show 6f1c0b7d-2a4e-4c55-9a51-3e2f1d0c9b8a"})
public class DrillShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The drill's id")
    String id;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        JsonNode drill = cli.client().get(Service.RELATIONSHIP, ApiPath.of(Drills.PATH + "/{}", id));
        if (cli.printer().forPeople()) {
            Drills.print(cli.terminal(), drill);
        } else {
            cli.printer().document(drill);
        }
        return ExitCode.DONE;
    }
}
