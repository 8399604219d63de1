package io.drsuite.cli.commands.policy;

import picocli.CommandLine.Command;

/** {@code drctl policy}: backup policies (snapshots on a schedule, kept by retention) and automatic failover. */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Backup policies of snapshot-service (a snapshot on a cron schedule, expired by retention), "
                + "and the automatic failover policy of a DR relationship.",
        subcommands = {PolicyListCommand.class, PolicyShowCommand.class, PolicySetCommand.class,
            PolicyDeleteCommand.class, AutoFailoverCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  drctl policy set prod-nightly --cluster prod --schedule '0 2 * * *' --keep-last 7",
            "  drctl policy list",
            "  drctl policy set prod-nightly --suspended",
            "  drctl policy auto-failover set shop --enabled --primary-down-seconds 60"})
public class PolicyCommand {
}
