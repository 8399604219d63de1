package io.drsuite.cli.commands.relationship;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.CliFailure;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code drctl objectives NAME}: shows a relationship's recovery objectives, or changes the ones given. */
@Command(name = "objectives", mixinStandardHelpOptions = true,
        description = "Show a relationship's recovery objectives, or set them (admin): the most commits a disaster "
                + "may lose (RPO) and how soon the DR side must accept writes (RTO), in seconds. monitor-service "
                + "alerts while the live RPO estimate is above the RPO objective; drills are judged against both.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl objectives shop",
            "  drctl objectives shop --rpo 30 --rto 300",
            "  drctl objectives shop --rto none        # the RPO objective stays, the RTO one is no longer set"})
public class ObjectivesCommand implements Callable<Integer> {

    private static final String NONE = "none";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The relationship (its name or id)")
    String relationship;

    @Option(names = "--rpo", paramLabel = "SECONDS", description = "The RPO objective, or 'none'")
    String rpo;

    @Option(names = "--rto", paramLabel = "SECONDS", description = "The RTO objective, or 'none'")
    String rto;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        String id = Relationships.id(Relationships.find(cli, relationship));
        ApiPath path = ApiPath.of(Relationships.PATH + "/{}/objectives", id);
        JsonNode objectives = cli.client().get(Service.RELATIONSHIP, path);
        if (rpo != null || rto != null) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("rpoObjectiveSeconds", rpo == null ? number(objectives, "rpoObjectiveSeconds") : seconds(rpo));
            change.put("rtoObjectiveSeconds", rto == null ? number(objectives, "rtoObjectiveSeconds") : seconds(rto));
            objectives = cli.client().put(Service.RELATIONSHIP, path, change).path("objectives");
        }
        if (cli.printer().forPeople()) {
            cli.printer().message("RPO objective " + shown(objectives, "rpoObjectiveSeconds") + ", RTO objective "
                    + shown(objectives, "rtoObjectiveSeconds") + ".");
        } else {
            cli.printer().document(objectives);
        }
        return ExitCode.DONE;
    }

    private static Integer number(JsonNode objectives, String field) {
        return objectives.hasNonNull(field) ? objectives.path(field).asInt() : null;
    }

    private static Integer seconds(String given) {
        if (NONE.equals(given)) {
            return null;
        }
        try {
            return Integer.valueOf(given);
        } catch (NumberFormatException e) {
            throw new CliFailure(ExitCode.USAGE, "an objective is a number of seconds or 'none', not '" + given + "'");
        }
    }

    private static String shown(JsonNode objectives, String field) {
        return objectives.hasNonNull(field) ? objectives.path(field).asInt() + " s" : "not set";
    }
}
