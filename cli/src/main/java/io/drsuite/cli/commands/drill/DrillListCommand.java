package io.drsuite.cli.commands.drill;

import io.drsuite.cli.Cli;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code drctl drill list}: the drills, newest first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List drills, newest first.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl drill list", "  drctl drill list --relationship shop -o json"})
public class DrillListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--relationship", paramLabel = "NAME", description = "Only this relationship's drills")
    String relationship;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N (1-500; default "
            + "${DEFAULT-VALUE})")
    int limit;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        cli.printer().list(cli.client().get(Service.RELATIONSHIP, ApiPath.of(Drills.PATH)
                .query("relationship", relationship).query("limit", limit)), Drills.LIST);
        return ExitCode.DONE;
    }
}
