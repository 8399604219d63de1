package io.drsuite.cli.commands.cluster;

import io.drsuite.cli.Cli;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code drctl cluster show NAME}: one registered cluster with its nodes (never the passwords). */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show a registered cluster: version, logins' user names, synchronous standbys, the operation "
                + "running inside it, and its nodes with role, address, data directory and host access.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl cluster show prod",
            "  drctl cluster show prod -o json"})
public class ClusterShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The cluster's name")
    String name;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        ClusterDetails.print(cli.printer(), cli.client().get(Service.RELATIONSHIP,
                ApiPath.of("/api/v1/clusters/{}", name)));
        return ExitCode.DONE;
    }
}
