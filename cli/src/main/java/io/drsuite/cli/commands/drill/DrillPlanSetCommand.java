package io.drsuite.cli.commands.drill;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import io.drsuite.cli.output.Json;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code drctl drill plan set NAME}: creates a drill plan, or changes the given fields of an existing one. */
@Command(name = "set", mixinStandardHelpOptions = true,
        description = "Create a drill plan, or change an existing one: the options given replace those fields, the "
                + "others stay; --check options replace all the plan's checks (admin). A new plan needs "
                + "--relationship, --schedule and (but for a switchover round trip) --sandbox.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl drill plan set shop-weekly --relationship shop --sandbox local --schedule '0 3 * * 0'",
            "  drctl drill plan set shop-weekly --check 'orders_today|true|select count(*) > 0 from orders' "
                    + "--database shop",
            "  drctl drill plan set shop-weekly --schedule '0 3 * * *'",
            "  drctl drill plan set shop-monthly-trip --relationship shop --kind switchover_round_trip "
                    + "--schedule '0 4 1 * *'",
            "  drctl drill plan set shop-weekly --suspended        # keep it without running it",
            "  drctl drill plan set shop-weekly --no-suspended"})
public class DrillPlanSetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The plan's name")
    String name;

    @Option(names = "--relationship", paramLabel = "NAME", description = "The relationship drilled")
    String relationship;

    @Option(names = "--kind", paramLabel = "KIND", description = "failover_rehearsal (a new plan's default), "
            + "switchover_round_trip or restore_test")
    String kind;

    @Option(names = "--sandbox", paramLabel = "NAME", description = "Where the copy or the restore is made")
    String sandbox;

    @Option(names = "--cluster", paramLabel = "NAME", description = "For a restore test: the side whose backup is "
            + "restored (default: production's)")
    String cluster;

    @Option(names = "--schedule", paramLabel = "CRON", description = "Unix cron in UTC: minute hour day-of-month "
            + "month day-of-week, e.g. '0 3 * * 0'")
    String schedule;

    @Option(names = "--check", paramLabel = "NAME|EXPECTED|SQL", description = "A read-only query run on the "
            + "promoted copy and the first value it must return (repeatable; replaces the plan's checks)")
    List<String> checks;

    @Option(names = "--database", paramLabel = "DB", description = "The database the --check queries run in "
            + "(default postgres)")
    String database;

    @Option(names = "--suspended", negatable = true, description = "Keep the plan without running it "
            + "(--no-suspended runs it again)")
    Boolean suspended;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        Optional<JsonNode> existing = DrillPlans.find(cli, name);
        DrillPlanChange change = new DrillPlanChange(name, relationship, kind, sandbox, cluster, schedule, checks,
                database, suspended);
        JsonNode plan = existing.isPresent()
                ? cli.client().put(Service.RELATIONSHIP, ApiPath.of(DrillPlans.PATH + "/{}", name),
                        change.request(existing.get()))
                : cli.client().post(Service.RELATIONSHIP, ApiPath.of(DrillPlans.PATH), change.request(null));
        if (cli.printer().forPeople()) {
            cli.printer().message((existing.isPresent() ? "Changed" : "Created") + " drill plan "
                    + Json.text(plan, "name") + (plan.path("suspended").asBoolean() ? " (suspended)"
                            : "; next run " + Json.text(plan, "nextRunAt")) + ".");
        } else {
            cli.printer().document(plan);
        }
        return ExitCode.DONE;
    }
}
