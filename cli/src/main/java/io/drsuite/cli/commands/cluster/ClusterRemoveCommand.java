package io.drsuite.cli.commands.cluster;

import io.drsuite.cli.Cli;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.commands.Confirmation;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code drctl cluster remove NAME --reason ...}: takes a cluster out of the registry (an admin action, audited with
 * its reason). Its servers are not touched. Asks to type the name unless {@code --yes}.
 */
@Command(name = "remove", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Remove a cluster from the registry (its servers are not touched; refused while it is in a DR "
                + "relationship). Asks to type the cluster's name unless --yes.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl cluster remove old-dr --reason \"decommissioned (CHG-2201)\"",
            "  drctl cluster remove old-dr --reason \"CHG-2201\" --yes"})
public class ClusterRemoveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The cluster's name")
    String name;

    @Option(names = "--reason", required = true, paramLabel = "TEXT",
            description = "Why (kept in the audit log with your name)")
    String reason;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation")
    boolean yes;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        cli.client().get(Service.RELATIONSHIP, ApiPath.of("/api/v1/clusters/{}", name));
        Confirmation.require(cli.terminal(), yes, "This removes cluster '" + name + "' from the registry; the suite "
                + "forgets its nodes and logins (its servers are not touched).", name);
        cli.client().delete(Service.RELATIONSHIP, ApiPath.of("/api/v1/clusters/{}", name).query("reason", reason));
        cli.printer().message("Removed cluster " + name + " from the registry.");
        return ExitCode.DONE;
    }
}
