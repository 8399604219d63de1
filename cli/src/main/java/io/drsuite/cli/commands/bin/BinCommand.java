package io.drsuite.cli.commands.bin;

import picocli.CommandLine.Command;

/** {@code drctl bin}: the recycle bin, where dropped tables wait to be restored or purged. */
@Command(name = "bin", mixinStandardHelpOptions = true,
        description = "Drop tables into the recycle bin, list what it holds, restore a table (optionally under a "
                + "new name), purge it for good.",
        subcommands = {BinDropCommand.class, BinListCommand.class, BinRestoreCommand.class, BinPurgeCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  drctl bin drop orders_2019 --cluster prod --database shop",
            "  drctl bin list --cluster prod",
            "  drctl bin restore orders_2019 --cluster prod --as orders_2019_back",
            "  drctl bin purge orders_2019 --cluster prod"})
public class BinCommand {
}
