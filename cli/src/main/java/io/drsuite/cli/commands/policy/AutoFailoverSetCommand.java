package io.drsuite.cli.commands.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
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

/** {@code drctl policy auto-failover set NAME}: turns automatic failover on or off, with its bounds. */
@Command(name = "set", mixinStandardHelpOptions = true,
        description = "Turn automatic failover on or off for a relationship (admin), and bound when it may act: "
                + "how long the primary must be down and how much data it may lose. Options not given stay.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl policy auto-failover set shop --enabled",
            "  drctl policy auto-failover set shop --enabled --primary-down-seconds 60 --max-data-loss-bytes 1048576",
            "  drctl policy auto-failover set shop --no-enabled"})
public class AutoFailoverSetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The relationship's name (or id)")
    String relationship;

    @Option(names = "--enabled", negatable = true, description = "On (--no-enabled: off)")
    Boolean enabled;

    @Option(names = "--primary-down-seconds", paramLabel = "S", description = "Act only after the primary has been "
            + "down this long (1-3600)")
    Integer primaryDownSeconds;

    @Option(names = "--max-data-loss-bytes", paramLabel = "BYTES", description = "Act only when at most this much WAL "
            + "would be lost")
    Long maxDataLossBytes;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        String id = Policies.relationshipId(cli, relationship);
        ApiPath path = ApiPath.of("/api/v1/policies/auto-failover/{}", id);
        JsonNode current = cli.client().get(Service.MONITOR, path);
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("enabled", enabled != null ? enabled : current.path("enabled").asBoolean());
        policy.put("primaryDownSeconds", primaryDownSeconds != null ? primaryDownSeconds
                : current.path("primaryDownSeconds").asInt());
        policy.put("maxDataLossBytes", maxDataLossBytes != null ? maxDataLossBytes
                : current.path("maxDataLossBytes").asLong());
        cli.printer().object(cli.client().put(Service.MONITOR, path, policy), AutoFailoverShowCommand.FIELDS);
        return ExitCode.DONE;
    }
}
