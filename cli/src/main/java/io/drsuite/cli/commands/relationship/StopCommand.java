package io.drsuite.cli.commands.relationship;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.CliFailure;
import io.drsuite.cli.ExitCode;
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
 * {@code drctl stop NAME [--promote-dr]}: dissolves a relationship (gs_ddr {@code -t stop}). Without
 * {@code --promote-dr} the DR cluster stays a detached read-only copy; with it, it becomes a standalone primary,
 * which needs a reason and a confirmation. After a failover it only releases the clusters (no task).
 */
@Command(name = "stop", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Dissolve a DR relationship. The DR cluster stays a detached read-only copy, or with "
                + "--promote-dr becomes a standalone primary (asks to type the relationship's name unless --yes; "
                + "needs --reason). After a failover this only releases the clusters.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl stop shop",
            "  drctl stop shop --promote-dr --reason \"moving production to the DR site (CHG-1234)\"",
            "  drctl stop shop --promote-dr --reason \"CHG-1234\" --yes --no-wait"})
public class StopCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The relationship (its name or id)")
    String relationship;

    @Option(names = "--promote-dr", description = "Make the DR cluster a standalone primary")
    boolean promoteDr;

    @Option(names = "--reason", paramLabel = "TEXT",
            description = "Why (kept in the audit log with your name); required with --promote-dr")
    String reason;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation (with --promote-dr)")
    boolean yes;

    @Mixin
    WaitOption wait;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        if (promoteDr && (reason == null || reason.isBlank())) {
            throw CliFailure.usage("--promote-dr needs --reason TEXT (kept in the audit log)");
        }
        JsonNode found = Relationships.find(cli, relationship);
        String name = found.path("name").asText();
        if (promoteDr) {
            Confirmation.require(cli.terminal(), yes, "Stopping relationship '" + name + "' promotes the DR "
                    + "cluster '" + Relationships.cluster(found, "disaster_standby") + "' to a standalone primary; "
                    + "'" + Relationships.cluster(found, "primary") + "' is no longer protected.", name);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("promoteDr", promoteDr);
        if (reason != null) {
            request.put("reason", reason);
        }
        JsonNode accepted = Relationships.operate(cli, found, "stop", request);
        if (accepted.path("taskId").isNull() || accepted.path("taskId").isMissingNode()) {
            if (cli.printer().forPeople()) {
                cli.terminal().out().println("Relationship " + name + " stopped: its clusters are released.");
            } else {
                cli.printer().document(accepted);
            }
            return ExitCode.DONE;
        }
        return OperationEnd.follow(cli, wait, accepted);
    }
}
