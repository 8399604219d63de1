package io.drsuite.cli.commands.relationship;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.commands.Confirmation;
import io.drsuite.cli.task.WaitOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code drctl failover NAME --reason ...}: promotes the DR cluster when production is lost (gs_ddr
 * {@code -t failover}). It can lose the writes the DR side had not received, so the relationship's name must be
 * typed unless {@code --yes}; the reason goes to the audit log.
 */
@Command(name = "failover", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fail over to the DR cluster when production is lost: fences the old primary where it is "
                + "reachable, promotes the DR cluster, ends the relationship as failed_over (drctl reprotect "
                + "restores DR later). Writes the DR side had not received are lost. Asks to type the "
                + "relationship's name unless --yes. Waits and shows the steps and the estimated data loss.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl failover shop --reason \"site A down since 02:10 (INC-4711)\"",
            "  drctl failover shop --reason \"INC-4711\" --yes",
            "  drctl failover shop --reason \"start failed half-way\" --force --yes"})
public class FailoverCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The relationship (its name or id)")
    String relationship;

    @Option(names = "--reason", required = true, paramLabel = "TEXT",
            description = "Why (kept in the audit log with your name)")
    String reason;

    @Option(names = "--force", description = "Also from the error phase, where the DR side may be half built")
    boolean force;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation")
    boolean yes;

    @Mixin
    WaitOption wait;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        JsonNode found = Relationships.find(cli, relationship);
        String name = found.path("name").asText();
        Confirmation.require(cli.terminal(), yes, "Failover promotes the DR cluster '"
                + Relationships.cluster(found, "disaster_standby") + "' and ends relationship '" + name
                + "'; the primary '" + Relationships.cluster(found, "primary") + "' is fenced where reachable. "
                + "Writes the DR cluster has not received are lost.", name);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("reason", reason);
        if (force) {
            request.put("force", true);
        }
        JsonNode accepted = Relationships.operate(cli, found, "failover", request);
        return OperationEnd.follow(cli, wait, accepted);
    }
}
