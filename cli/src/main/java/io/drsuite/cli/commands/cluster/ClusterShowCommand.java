package io.drsuite.cli.commands.cluster;

import picocli.CommandLine.Command;

/** Placeholder until the command is written. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "(not written yet)")
public class ClusterShowCommand {
}
