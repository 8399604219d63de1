package io.drsuite.cli.commands;

import picocli.CommandLine.Command;

/** Placeholder until the command is written. */
@Command(name = "routing", mixinStandardHelpOptions = true, description = "(not written yet)")
public class RoutingCommand {
}
