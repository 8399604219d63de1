package io.drsuite.cli.commands.policy;

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

/** {@code drctl policy set NAME}: creates a backup policy, or changes the given fields of an existing one. */
@Command(name = "set", mixinStandardHelpOptions = true,
        description = "Create a backup policy, or change an existing one: the options given replace those fields, "
                + "the others stay (admin). A new policy needs --cluster, --schedule and --keep-last or --max-age.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl policy set prod-nightly --cluster prod --schedule '0 2 * * *' --keep-last 7",
            "  drctl policy set shop-hourly --cluster prod --database shop --schedule '0 * * * *' --max-age P2D",
            "  drctl policy set prod-nightly --keep-last 14",
            "  drctl policy set prod-nightly --suspended        # keep it without running it",
            "  drctl policy set prod-nightly --no-suspended"})
public class PolicySetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The policy's name")
    String name;

    @Option(names = "--cluster", paramLabel = "CLUSTER", description = "The cluster to back up")
    String cluster;

    @Option(names = "--kind", paramLabel = "KIND", description = "physical or logical (new policy default: logical "
            + "with --database, physical without)")
    String kind;

    @Option(names = "--database", paramLabel = "DB", description = "Logical: the database to dump")
    String database;

    @Option(names = "--table", paramLabel = "SCHEMA.TABLE", description = "Logical: only this table (repeatable)")
    List<String> tables;

    @Option(names = "--schedule", paramLabel = "CRON", description = "Unix cron in UTC: minute hour day-of-month "
            + "month day-of-week, e.g. '30 2 * * *'")
    String schedule;

    @Option(names = "--keep-last", paramLabel = "N", description = "Keep the newest N snapshots")
    Integer keepLast;

    @Option(names = "--max-age", paramLabel = "DURATION", description = "Keep snapshots younger than this "
            + "(ISO-8601, e.g. P7D, PT12H)")
    String maxAge;

    @Option(names = "--recovery-window", paramLabel = "DURATION", description = "Physical policies: also keep the "
            + "newest snapshot at least this old, so with the WAL archive a point-in-time restore reaches back this "
            + "far (ISO-8601, e.g. P7D)")
    String recoveryWindow;

    @Option(names = "--storage", paramLabel = "NAME", description = "The storage location")
    String storage;

    @Option(names = "--suspended", negatable = true, description = "Keep the policy without running it "
            + "(--no-suspended runs it again)")
    Boolean suspended;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        Optional<JsonNode> existing = Policies.find(cli, name);
        PolicyChange change = new PolicyChange(existing.map(policy -> Json.text(policy, "name")).orElse(name),
                cluster, kind, database, tables, schedule, keepLast, maxAge, recoveryWindow, storage, suspended);
        JsonNode policy = existing.isPresent()
                ? cli.client().put(Service.SNAPSHOT, ApiPath.of("/api/v1/policies/{}",
                        Json.text(existing.get(), "id")), change.request(existing.get()))
                : cli.client().post(Service.SNAPSHOT, ApiPath.of("/api/v1/policies"), change.request(null));
        if (cli.printer().forPeople()) {
            cli.printer().message((existing.isPresent() ? "Changed" : "Created") + " backup policy "
                    + Json.text(policy, "name") + (policy.path("suspended").asBoolean() ? " (suspended)"
                            : "; next run " + Json.text(policy, "nextRunAt")) + ".");
        } else {
            cli.printer().document(policy);
        }
        return ExitCode.DONE;
    }
}
