package io.drsuite.cli.commands.cluster;

import io.drsuite.cli.Cli;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.http.EveryPage;
import io.drsuite.cli.config.Service;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code drctl cluster list}: the registered clusters, by name; with -o json the API's cluster views as one array. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the registered clusters: version, primary, nodes with their roles, an operation running "
                + "inside the cluster.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl cluster list",
            "  drctl cluster list -o json | jq -r '.[].name'"})
public class ClusterListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        cli.printer().list(EveryPage.of(cli, Service.RELATIONSHIP, "/api/v1/clusters"), ClusterDetails.columns());
        return ExitCode.DONE;
    }
}
