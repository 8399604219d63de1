package io.drsuite.cli.commands.drill;

import picocli.CommandLine.Command;

/** {@code drctl drill}: rehearsals that prove a relationship's failover works, with their measured figures. */
@Command(name = "drill", mixinStandardHelpOptions = true,
        description = "Run, list and show DR drills and their reports, and plan drills on a schedule. A failover "
                + "rehearsal makes a throwaway copy of the DR main standby on a sandbox, declares a disaster, promotes "
                + "the copy, measures RTO and RPO, checks the data and destroys the copy; production and DR "
                + "replication go on throughout.",
        subcommands = {DrillRunCommand.class, DrillListCommand.class, DrillShowCommand.class,
            DrillReportCommand.class, DrillPlanCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  drctl drill run shop",
            "  drctl drill run shop --sandbox local --check 'orders_today|true|select count(*) > 0 from orders'",
            "  drctl drill list --relationship shop",
            "  drctl drill plan set shop-weekly --relationship shop --sandbox local --schedule '0 3 * * 0'",
            "  drctl drill report 6f1c0b7d-2a4e-4c55-9a51-3e2f1d0c9b8a --html shop-drill.html"})
public class DrillCommand {
}
