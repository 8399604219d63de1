package io.drsuite.cli.commands.relationship;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.task.WaitOption;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code drctl reprotect NAME}: after a failover, the former primary becomes the DR copy of the promoted cluster. */
@Command(name = "reprotect", mixinStandardHelpOptions = true,
        description = "Re-establish DR after a failover: the former primary is rebuilt as the DR cluster of the "
                + "promoted one (pg_rewind, or a full build when that fails). Waits and shows the steps.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl reprotect shop",
            "  drctl reprotect shop --no-wait"})
public class ReprotectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The relationship (its name or id)")
    String relationship;

    @Mixin
    WaitOption wait;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        JsonNode found = Relationships.find(cli, relationship);
        JsonNode accepted = Relationships.operate(cli, found, "reprotect", Map.of());
        return OperationEnd.follow(cli, wait, accepted);
    }
}
