package io.drsuite.cli.commands.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.CliFailure;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import io.drsuite.cli.output.Column;
import io.drsuite.cli.output.Json;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code drctl audit}: the audit logs of the five services as one, newest first. A service that cannot be asked is
 * reported on stderr and the others are still shown; the exit code then says what went wrong.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Show the audit log: every request that changed something, or tried to, with who asked. The "
                + "five services' logs merged, newest first; --service picks some.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl audit",
            "  drctl audit --service snapshot --service recyclebin --limit 20",
            "  drctl audit --correlation-id 9a51e2f1-0b7d-4c55-6f1c-3e2f1d0c9b8a",
            "  drctl audit --actor alice --from 2026-12-01T00:00:00Z -o json"})
public class AuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--service", paramLabel = "SERVICE", description = "relationship, task, monitor, snapshot or "
            + "recyclebin (repeatable; default: all five)")
    List<String> services;

    @Option(names = "--correlation-id", paramLabel = "UUID", description = "Only the records of one request and "
            + "what it caused")
    String correlationId;

    @Option(names = "--actor", paramLabel = "USER", description = "Only this user's (name or subject)")
    String actor;

    @Option(names = "--target", paramLabel = "TARGET", description = "Only about this target (and what is under it)")
    String target;

    @Option(names = "--operation", paramLabel = "TEXT", description = "Only operations containing this text")
    String operation;

    @Option(names = "--from", paramLabel = "INSTANT", description = "Not before (ISO-8601, e.g. 2026-12-01T08:00:00Z)")
    String from;

    @Option(names = "--to", paramLabel = "INSTANT", description = "Not after (ISO-8601)")
    String to;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N records in all "
            + "(1-500; default ${DEFAULT-VALUE})")
    int limit;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        if (limit < 1 || limit > 500) {
            throw CliFailure.usage("--limit must be between 1 and 500");
        }
        List<JsonNode> pages = new ArrayList<>();
        CliFailure firstFailure = null;
        for (Service service : selected()) {
            try {
                pages.add(cli.client().get(service, ApiPath.of("/api/v1/audit").query("correlationId", correlationId)
                        .query("actor", actor).query("target", target).query("operation", operation)
                        .query("from", from).query("to", to).query("limit", limit)));
            } catch (CliFailure failure) {
                if (firstFailure == null) {
                    firstFailure = failure;
                }
                cli.terminal().err().println("drctl: " + service.serviceName() + "'s audit log is not shown: "
                        + failure.getMessage());
            }
        }
        if (pages.isEmpty() && firstFailure != null) {
            throw firstFailure;
        }
        cli.printer().list(AuditMerge.newestFirst(pages, limit), List.of(Column.of("RECORDED", "recordedAt"),
                Column.of("SERVICE", "service"), Column.of("USER", "actor.name"), Column.of("OPERATION", "operation"),
                Column.of("TARGET", "target"),
                Column.of("OUTCOME", record -> Json.text(record, "outcome") + (record.hasNonNull("status")
                        ? " " + Json.text(record, "status") : "")),
                Column.of("TASK", "taskId"), Column.of("REASON", "reason")));
        return firstFailure == null ? ExitCode.DONE : firstFailure.exitCode();
    }

    private Set<Service> selected() {
        if (services == null || services.isEmpty()) {
            return EnumSet.allOf(Service.class);
        }
        Set<Service> chosen = EnumSet.noneOf(Service.class);
        for (String name : services) {
            String key = name.toLowerCase(Locale.ROOT).replace("-service", "").replace("recycle-bin", "recyclebin");
            try {
                chosen.add(Service.valueOf(key.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw CliFailure.usage("--service " + name + ": not one of relationship, task, monitor, snapshot, "
                        + "recyclebin");
            }
        }
        return chosen;
    }
}
