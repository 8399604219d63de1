package io.drsuite.cli.commands;

import picocli.CommandLine.Command;

/** Placeholder until the command is written. */
@Command(name = "stop", mixinStandardHelpOptions = true, description = "(not written yet)")
public class StopCommand {
}
