package io.drsuite.cli.commands.relationship;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.commands.Confirmation;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import io.drsuite.cli.task.WaitOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code drctl start}: protects a cluster with a DR cluster (gs_ddr {@code -t start}) — creates the relationship and
 * follows the task that builds the DR cluster from the primary. The DR cluster's data is replaced, so its name must
 * be repeated with {@code --confirm-overwrite} or typed at the prompt.
 */
@Command(name = "start", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Protect a cluster: create a DR relationship and build the DR cluster as a copy of the "
                + "primary (all data of the DR cluster is replaced). Waits for the build and shows its steps.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl start --name shop --primary prod --dr dr --confirm-overwrite dr",
            "  drctl start --name shop --primary prod --dr dr --sync      (asks to type 'dr')",
            "  drctl start --name shop --primary prod --dr dr --confirm-overwrite dr --no-wait -o json"})
public class StartCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The relationship's name")
    String name;

    @Option(names = "--primary", required = true, paramLabel = "CLUSTER", description = "The production cluster")
    String primary;

    @Option(names = "--dr", required = true, paramLabel = "CLUSTER",
            description = "The DR cluster; all its data is replaced by a copy of the primary")
    String dr;

    @Option(names = "--sync", description = "Synchronous replication: a commit on the primary waits for the DR "
            + "cluster (default: asynchronous)")
    boolean sync;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "How long each of the relationship's operations may run (60..86400; default 1200)")
    Integer timeoutSeconds;

    @Option(names = "--confirm-overwrite", paramLabel = "CLUSTER",
            description = "The DR cluster's name again, to agree that its data is replaced (else you are asked)")
    String confirmOverwrite;

    @Mixin
    WaitOption wait;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        if (confirmOverwrite == null) {
            Confirmation.require(cli.terminal(), false, "Starting DR replaces ALL data of cluster '" + dr
                    + "' with a copy of '" + primary + "'.", dr);
            confirmOverwrite = dr;
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", name);
        request.put("primaryCluster", primary);
        request.put("drCluster", dr);
        request.put("syncMode", sync ? "sync" : "async");
        if (timeoutSeconds != null) {
            request.put("timeoutSeconds", timeoutSeconds);
        }
        request.put("confirmOverwrite", confirmOverwrite);
        JsonNode accepted = cli.client().post(Service.RELATIONSHIP, ApiPath.of(Relationships.PATH), request);
        int exit = OperationEnd.follow(cli, wait, accepted);
        if (exit == ExitCode.DONE && cli.printer().forPeople()) {
            cli.terminal().out().println("Relationship " + name + ": " + primary + " is protected by " + dr
                    + ". Watch it: drctl query " + name + " --watch");
        }
        return exit;
    }
}
