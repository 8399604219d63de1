package io.drsuite.cli.commands.snapshot;

import picocli.CommandLine.Command;

/** {@code drctl snapshot}: backups of registered clusters, taken, verified, restored and deleted. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Take, list, show, verify, restore and delete snapshots (physical: the whole cluster with "
                + "pg_basebackup; logical: a database or some tables with pg_dump).",
        subcommands = {SnapshotCreateCommand.class, SnapshotListCommand.class, SnapshotShowCommand.class,
            SnapshotVerifyCommand.class, SnapshotRestoreCommand.class, SnapshotDeleteCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  drctl snapshot create prod",
            "  drctl snapshot create prod --database shop --table public.orders",
            "  drctl snapshot list --cluster prod",
            "  drctl snapshot restore 0b7d6f1c-2a4e-4c55-9a51-3e2f1d0c9b8a --database shop --replace \\",
            "      --reason 'orders deleted by a faulty job'"})
public class SnapshotCommand {
}
