package io.drsuite.cli.commands.policy;

import picocli.CommandLine.Command;

/** {@code drctl policy auto-failover}: monitor-service's automatic failover policy of a DR relationship. */
@Command(name = "auto-failover", mixinStandardHelpOptions = true,
        description = "The automatic failover policy of a DR relationship (monitor-service): off unless set.",
        subcommands = {AutoFailoverShowCommand.class, AutoFailoverSetCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  drctl policy auto-failover show shop",
            "  drctl policy auto-failover set shop --enabled --primary-down-seconds 60 --max-data-loss-bytes 1048576",
            "  drctl policy auto-failover set shop --no-enabled"})
public class AutoFailoverCommand {
}
