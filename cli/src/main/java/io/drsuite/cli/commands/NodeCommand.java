package io.drsuite.cli.commands;

import picocli.CommandLine.Command;

/** Placeholder until the command is written. */
@Command(name = "node", mixinStandardHelpOptions = true, description = "(not written yet)")
public class NodeCommand {
}
