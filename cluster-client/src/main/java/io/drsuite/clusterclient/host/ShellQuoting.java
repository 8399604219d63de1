package io.drsuite.clusterclient.host;

import java.util.List;
import java.util.stream.Collectors;

/**
 * POSIX shell quoting for the one place a command line must be a string: the SSH exec request, which the remote
 * login shell splits. Every argument is single-quoted, so nothing in it is interpreted.
 */
public final class ShellQuoting {

    private ShellQuoting() {
    }

    public static String quote(String argument) {
        return "'" + argument.replace("'", "'\"'\"'") + "'";
    }

    public static String commandLine(List<String> argv) {
        return argv.stream().map(ShellQuoting::quote).collect(Collectors.joining(" "));
    }
}
