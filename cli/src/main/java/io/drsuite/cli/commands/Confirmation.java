package io.drsuite.cli.commands;

import io.drsuite.cli.CliFailure;
import io.drsuite.cli.output.Terminal;

/**
 * The guard of a dangerous command (failover, stop --promote-dr, a restore that replaces data, purge): the user types
 * the name of what is at stake, unless {@code --yes} was given. Without a terminal and without {@code --yes} the
 * answer is read from stdin, so a script must say yes explicitly.
 */
public final class Confirmation {

    private Confirmation() {
    }

    public static void require(Terminal terminal, boolean yes, String consequence, String name) {
        if (yes) {
            return;
        }
        terminal.err().println(consequence);
        String answer = terminal.readLine("Type the name '" + name + "' to go on (or use --yes): ");
        if (answer == null || !answer.trim().equals(name)) {
            throw CliFailure.usage("not confirmed; nothing was done");
        }
    }
}
