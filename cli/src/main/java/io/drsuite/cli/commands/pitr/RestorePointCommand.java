package io.drsuite.cli.commands.pitr;

import picocli.CommandLine.Command;

/** {@code drctl restore-point}: named points in a cluster's WAL that a point-in-time restore can name. */
@Command(name = "restore-point", mixinStandardHelpOptions = true,
        description = "Create and list named restore points (pg_create_restore_point): mark \"before the "
                + "migration\" and restore to it later with drctl pitr --restore-point.",
        subcommands = {RestorePointCreateCommand.class, RestorePointListCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  drctl restore-point create prod before-migration-42",
            "  drctl restore-point list --cluster prod"})
public class RestorePointCommand {
}
