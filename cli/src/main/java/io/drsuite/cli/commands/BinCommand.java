package io.drsuite.cli.commands;

import picocli.CommandLine.Command;

/** Placeholder until the command is written. */
@Command(name = "bin", mixinStandardHelpOptions = true, description = "(not written yet)")
public class BinCommand {
}
