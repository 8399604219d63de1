package io.drsuite.cli.commands.drill;

import picocli.CommandLine.Command;

/** {@code drctl drill plan}: drills on a schedule. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Create, change, list, show and delete drill plans: a relationship's failover rehearsal on a "
                + "sandbox with its checks, started at each time of a Unix cron schedule (UTC). A due time whose "
                + "drill is refused (the relationship not active, a drill running, ...) shows as the plan's last "
                + "error and is not retried before the next one.",
        subcommands = {DrillPlanSetCommand.class, DrillPlanListCommand.class, DrillPlanShowCommand.class,
            DrillPlanDeleteCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  drctl drill plan set shop-weekly --relationship shop --sandbox local --schedule '0 3 * * 0'",
            "  drctl drill plan list",
            "  drctl drill plan show shop-weekly",
            "  drctl drill plan delete shop-weekly"})
public class DrillPlanCommand {
}
