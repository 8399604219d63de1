package io.drsuite.clusterclient.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellQuotingTest {

    @Test
    void quotesEveryArgumentInSingleQuotes() {
        assertEquals("'plain'", ShellQuoting.quote("plain"));
        assertEquals("''", ShellQuoting.quote(""));
        assertEquals("'it'\"'\"'s'", ShellQuoting.quote("it's"));
        assertEquals("'$(id)' '`id`' '\"x\"'", ShellQuoting.commandLine(List.of("$(id)", "`id`", "\"x\"")));
    }

    @Test
    void shellsSplitTheCommandLineBackIntoTheArguments() {
        List<String> argv = new ArrayList<>(List.of("printf", "%s\\0"));
        argv.addAll(HostileArguments.ALL);
        // the SSH server hands the command line to the login shell with -c: dash and bash must both give it back
        for (String shell : List.of("/bin/sh", "/bin/bash")) {
            CommandResult result = new LocalHostExecutor(null).run(
                    List.of(shell, "-c", ShellQuoting.commandLine(argv)), Duration.ofSeconds(30));
            assertEquals(0, result.exitCode(), result.stderr());
            assertEquals(HostileArguments.ALL, HostExecutorContract.splitOnNul(result.stdout()), shell);
        }
    }
}
