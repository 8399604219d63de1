package io.drsuite.cli.commands.cluster;

import picocli.CommandLine.Command;

/** {@code drctl cluster}: the registry of clusters, and the operations inside one cluster. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Register, list, show and remove clusters; switch over or fail over inside a cluster.",
        subcommands = {ClusterRegisterCommand.class, ClusterListCommand.class, ClusterShowCommand.class,
            ClusterRemoveCommand.class, ClusterSwitchoverCommand.class, ClusterFailoverCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  drctl cluster list",
            "  drctl cluster show prod",
            "  drctl cluster switchover prod --to prod-2",
            "  drctl cluster remove old-dr --yes"})
public class ClusterCommand {
}
