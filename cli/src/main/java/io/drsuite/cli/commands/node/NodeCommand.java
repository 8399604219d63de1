package io.drsuite.cli.commands.node;

import picocli.CommandLine.Command;

/** {@code drctl node}: the nodes of one cluster, openGauss's {@code build} and adding or removing a standby. */
@Command(name = "node", mixinStandardHelpOptions = true,
        description = "Add, rebuild and remove the standbys of a cluster; choose its synchronous standbys.",
        subcommands = {NodeAddCommand.class, NodeRebuildCommand.class, NodeRemoveCommand.class,
            NodeSyncCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  drctl node add prod --name prod-3 --host 10.0.0.13 --data-directory /srv/pg",
            "  drctl node rebuild prod prod-1",
            "  drctl node remove prod prod-3 --reason \"host retired\"",
            "  drctl node sync prod --count 1 --nodes prod-2,prod-3"})
public class NodeCommand {
}
