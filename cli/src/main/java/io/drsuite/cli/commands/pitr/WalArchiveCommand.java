package io.drsuite.cli.commands.pitr;

import picocli.CommandLine.Command;

/** {@code drctl wal-archive}: a cluster's WAL streamed into a storage location, for point-in-time restores. */
@Command(name = "wal-archive", mixinStandardHelpOptions = true,
        description = "Switch a cluster's WAL archive on or off, list archives and show one: its state, newest "
                + "segment, gaps and recovery window (the span a point-in-time restore can reach).",
        subcommands = {WalArchiveOnCommand.class, WalArchiveListCommand.class, WalArchiveShowCommand.class,
            WalArchiveOffCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  drctl wal-archive on prod --storage s3",
            "  drctl wal-archive list --cluster prod",
            "  drctl wal-archive show 5f0c3b1e-8d2a-4f7e-9c61-2b3a4d5e6f70",
            "  drctl wal-archive off 5f0c3b1e-8d2a-4f7e-9c61-2b3a4d5e6f70"})
public class WalArchiveCommand {
}
