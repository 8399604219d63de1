package io.drsuite.cli.commands.relationship;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.CliFailure;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import io.drsuite.cli.output.Printer;
import io.drsuite.cli.output.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code drctl query [NAME] [--watch]}: gs_ddr's {@code -t query} for both clusters at once — each cluster's role and
 * state word, the lag in bytes and seconds, the RPO estimate, the running task with its progress.
 *
 * <p>With {@code -o json|yaml} it prints, for one relationship, the document
 * <pre>
 * {"relationship": GET relationship-service /api/v1/relationships/{id}   (live: phase, clusters[].name|role|state,
 *                  switchoverPercent, failoverPercent, currentTask, lag.bytes|seconds|drStreaming|error, ...),
 *  "health":       monitor-service's latest sample, the "latest" of GET /api/v1/health/relationships/{id}
 *                  (lagBytes, lagSeconds, rpoEstimateSeconds, primaryState, drState, sampledAt, reason) or null,
 *  "task":         GET task-service /api/v1/tasks/{currentTask.id} (state, percent, currentStep, steps, log) or null}
 * </pre>
 * and without NAME an array of such documents, one per relationship by name, whose {@code relationship} is the
 * list's entry (stored states, no live {@code lag}). With {@code --watch} the view is redrawn in place every two
 * seconds on a terminal (elsewhere printed again), until Ctrl-C.
 */
@Command(name = "query", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show DR relationships as gs_ddr -t query does, for both clusters at once: role and state of "
                + "each cluster, lag in bytes and seconds, RPO estimate, the running task and its progress. "
                + "Without NAME: every relationship in a table.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl query                   (every relationship)",
            "  drctl query shop",
            "  drctl query shop --watch      (redrawn every 2 s until Ctrl-C)",
            "  drctl query --watch --interval 10 --count 6 >> dr-status.log",
            "  drctl query shop -o json      ({\"relationship\": ..., \"health\": ..., \"task\": ...})",
            "  drctl query -o json | jq -r '.[] | select(.relationship.phase != \"active\") | .relationship.name'"})
public class QueryCommand implements Callable<Integer> {

    private static final String CLEAR_SCREEN = "\u001b[H\u001b[2J";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "The relationship (its name or id); all when absent")
    String relationship;

    @Option(names = {"-w", "--watch"}, description = "Refresh until Ctrl-C (in place on a terminal)")
    boolean watch;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "2",
            description = "Seconds between refreshes with --watch (default: ${DEFAULT-VALUE})")
    double interval;

    @Option(names = "--count", paramLabel = "N", description = "With --watch: stop after N refreshes (default: until "
            + "Ctrl-C)")
    Integer count;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        if (interval < 0.5) {
            throw CliFailure.usage("--interval must be at least 0.5 seconds");
        }
        if (count != null && (count < 1 || !watch)) {
            throw CliFailure.usage("--count needs --watch and a number from 1");
        }
        String id = relationship == null ? null : Relationships.id(Relationships.find(cli, relationship));
        if (!watch) {
            show(cli, cli.terminal(), cli.printer(), id);
            return ExitCode.DONE;
        }
        Terminal terminal = cli.terminal();
        boolean inPlace = terminal.interactive() && cli.printer().forPeople();
        for (int shown = 1; ; shown++) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            Terminal screen = new Terminal(new PrintStream(buffer, true, StandardCharsets.UTF_8), terminal.err(),
                    terminal.interactive(), terminal.colour(), terminal.width());
            Printer printer = new Printer(screen, cli.printer().format(), cli.json());
            if (printer.forPeople()) {
                screen.out().println(screen.dim("Every " + seconds(interval) + ": drctl query"
                        + (relationship == null ? "" : " " + relationship) + "   "
                        + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "   (Ctrl-C to stop)"));
            }
            show(cli, screen, printer, id);
            terminal.out().print((inPlace ? CLEAR_SCREEN : "") + buffer.toString(StandardCharsets.UTF_8)
                    + (inPlace || !printer.forPeople() ? "" : System.lineSeparator()));
            terminal.out().flush();
            if (count != null && shown >= count) {
                return ExitCode.DONE;
            }
            try {
                Thread.sleep((long) (interval * 1000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ExitCode.DONE;
            }
        }
    }

    private static String seconds(double seconds) {
        return seconds == Math.rint(seconds) ? (long) seconds + " s" : seconds + " s";
    }

    private static void show(Cli cli, Terminal terminal, Printer printer, String id) {
        if (id != null) {
            JsonNode relationship = Relationships.query(cli, id);
            JsonNode view = QueryView.combine(cli.json(), relationship, health(cli, id), task(cli, relationship));
            if (printer.forPeople()) {
                QueryView.print(terminal, view);
            } else {
                printer.document(view);
            }
            return;
        }
        ArrayNode views = cli.json().createArrayNode();
        for (JsonNode listed : Relationships.all(cli)) {
            views.add(QueryView.combine(cli.json(), listed, health(cli, Relationships.id(listed)),
                    task(cli, listed)));
        }
        printer.list(views, QueryView.columns());
    }

    /** monitor-service's latest sample of the relationship; null when it has none (not replicating) or is down. */
    private static JsonNode health(Cli cli, String id) {
        try {
            return cli.client().get(Service.MONITOR, ApiPath.of("/api/v1/health/relationships/{}", id)
                    .query("limit", 1)).path("latest");
        } catch (CliFailure e) {
            if (e.exitCode() == ExitCode.REFUSED) {
                return null;
            }
            if (e.exitCode() == ExitCode.UNREACHABLE) {
                cli.terminal().err().println("drctl: " + e.getMessage() + "; shown without monitor-service's health");
                return null;
            }
            throw e;
        }
    }

    /** task-service's document of the task in flight; null when none (or task-service has not received it yet). */
    private static JsonNode task(Cli cli, JsonNode relationship) {
        JsonNode current = relationship.path("currentTask");
        if (!current.hasNonNull("id")) {
            return null;
        }
        try {
            return cli.client().get(Service.TASK, ApiPath.of("/api/v1/tasks/{}", current.path("id").asText()));
        } catch (CliFailure e) {
            if (e.exitCode() == ExitCode.REFUSED) {
                return null; // requested, not yet received by task-service
            }
            throw e;
        }
    }
}
