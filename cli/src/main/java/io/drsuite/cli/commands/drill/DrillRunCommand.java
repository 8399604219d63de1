package io.drsuite.cli.commands.drill;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import io.drsuite.cli.task.Settling;
import io.drsuite.cli.task.WaitOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code drctl drill run NAME}: a drill of a relationship, followed to its verdict. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a drill of a relationship (operator): by default a failover rehearsal on a sandbox, which "
                + "production never notices; --kind switchover_round_trip switches over and back while a canary "
                + "writes (production's writes pause twice); --kind restore_test restores a cluster's newest good "
                + "snapshot onto a sandbox. Follows the drill's steps, then prints the verdict, its figures against "
                + "the objectives and why it failed, if it did. Exit code 0 when the drill passed, 1 when it failed.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl drill run shop",
            "  drctl drill run shop --check 'orders_today|true|select count(*) > 0 from orders' --database shop",
            "  drctl drill run shop --kind switchover_round_trip",
            "  drctl drill run shop --kind restore_test --cluster shop-prod",
            "  drctl drill run shop --no-wait -o json"})
public class DrillRunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The relationship's name")
    String relationship;

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "failover_rehearsal", description = "What to "
            + "rehearse: failover_rehearsal (default), switchover_round_trip or restore_test")
    String kind;

    @Option(names = "--sandbox", paramLabel = "NAME", defaultValue = "local", description = "Where the copy or the "
            + "restore is made (default ${DEFAULT-VALUE}, the one ./drsuite run registers); a switchover round trip "
            + "takes none")
    String sandbox;

    @Option(names = "--cluster", paramLabel = "NAME", description = "For a restore test: the side of the "
            + "relationship whose backup is restored (default: production's)")
    String cluster;

    @Option(names = "--check", paramLabel = "NAME|EXPECTED|SQL", description = "A read-only query run on the "
            + "promoted copy, the restored node or each new primary, and the first value it must return (repeatable)")
    List<String> checks;

    @Option(names = "--database", paramLabel = "DB", description = "The database the --check queries run in "
            + "(default postgres)")
    String database;

    @Mixin
    WaitOption wait;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("relationship", relationship);
        request.put("kind", kind);
        if (!"switchover_round_trip".equals(kind)) {
            request.put("sandbox", sandbox);
        }
        if (cluster != null) {
            request.put("cluster", cluster);
        }
        List<Map<String, Object>> userChecks = new ArrayList<>();
        if (checks != null) {
            checks.forEach(check -> userChecks.add(InlineCheck.parse(check, database)));
        }
        request.put("checks", userChecks);
        JsonNode accepted = cli.client().post(Service.RELATIONSHIP, ApiPath.of(Drills.PATH), request);
        String taskId = accepted.path("taskId").asText();
        int followed = wait.follow(cli, accepted, taskId);
        if (!wait.waited() || followed == ExitCode.DETACHED) {
            return followed;
        }
        JsonNode drill = Settling.await(cli, Service.RELATIONSHIP, ApiPath.of(Drills.PATH + "/{}",
                accepted.path("id").asText()), found -> !"running".equals(found.path("state").asText()),
                "relationship-service has not recorded the drill's outcome yet: drctl drill show "
                        + accepted.path("id").asText());
        if (cli.printer().forPeople()) {
            Drills.print(cli.terminal(), drill);
        } else {
            cli.printer().document(drill);
        }
        return "passed".equals(drill.path("state").asText()) ? ExitCode.DONE : ExitCode.OPERATION_FAILED;
    }
}
