package io.drsuite.clusterclient.host;

import java.util.List;

/** Arguments a shell would mangle or execute if a command line were built without quoting. */
final class HostileArguments {

    /** One argument with spaces, both quote kinds, command substitutions, globs, separators and a newline. */
    static final String ONE = "it's a \"quoted\" $(id -un) `id -un` ${HOME} * ; && | > /dev/null \\ \n 'end'";

    static final List<String> ALL = List.of(ONE, "", " ", "'", "''", "\"", "\\", "$", "-n", "--", "a\tb",
            "trailing\n", "*", "~", "#comment", "!!", "ünïcødé ✓");

    private HostileArguments() {
    }
}
