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

/** {@code drctl switchover NAME}: the planned role swap of both clusters, without data loss (gs_ddr {@code -t switchover}). */
@Command(name = "switchover", mixinStandardHelpOptions = true,
        description = "Planned switchover without data loss: the DR cluster becomes the primary and the primary its "
                + "DR copy, both clusters in one command. Refused unless the DR side streams and is caught up. "
                + "Waits and shows the steps.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl switchover shop",
            "  drctl switchover shop --no-wait        (prints the task id; drctl task watch ID)",
            "  drctl switchover shop -o json          (the finished task's document)"})
public class SwitchoverCommand implements Callable<Integer> {

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
        JsonNode accepted = Relationships.operate(cli, found, "switchover", Map.of());
        return OperationEnd.follow(cli, wait, accepted);
    }
}
