package io.drsuite.clusterclient.host;

import java.util.List;

/** What a command on a node's host ended with. */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr) {

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** This result when the command succeeded; otherwise a {@link CommandFailedException} naming it. */
    public CommandResult orThrow() {
        if (!succeeded()) {
            throw new CommandFailedException(this);
        }
        return this;
    }

    /** The program and its first argument, enough to say which command it was without echoing input back. */
    public String summary() {
        String program = command.isEmpty() ? "?" : command.getFirst();
        int slash = program.lastIndexOf('/');
        return slash >= 0 ? program.substring(slash + 1) : program;
    }
}
