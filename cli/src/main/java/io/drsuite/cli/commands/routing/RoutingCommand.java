package io.drsuite.cli.commands.routing;

import picocli.CommandLine.Command;

/**
 * {@code drctl routing}: how clients find a cluster's primary: the DNS name and webhooks the suite updates on a role
 * change, and the open health checks a load balancer asks.
 */
@Command(name = "routing", mixinStandardHelpOptions = true,
        description = "How clients find the primary: the DNS name and webhooks the suite updates on every role "
                + "change, and the health checks load balancers ask (/primary, /replica).",
        subcommands = {RoutingShowCommand.class, RoutingCheckCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  drctl routing show prod",
            "  drctl routing check prod",
            "  drctl routing check prod -o json"})
public class RoutingCommand {
}
