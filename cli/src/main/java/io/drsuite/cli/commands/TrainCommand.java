package io.drsuite.cli.commands;

import io.drsuite.cli.Drctl;
import io.drsuite.cli.ExitCode;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Hidden: what the build runs once to write the JDK AOT cache (see bin/drctl): the help of every command, the
 * completion script, and an API call that finds no service (the HTTP client, JSON and the failure path), with their
 * output thrown away.
 */
@Command(name = "train", hidden = true, description = "Loads what common commands load (for the AOT cache)")
public class TrainCommand implements Callable<Integer> {

    private static final String CLOSED = "http://127.0.0.1:9";

    @Override
    public Integer call() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(nowhere);
        System.setErr(nowhere);
        try {
            Map<String, String> environment = Map.of("DRCTL_TOKEN", "training", "DRCTL_RELATIONSHIP_URL", CLOSED,
                    "DRCTL_MONITOR_URL", CLOSED, "DRCTL_TASK_URL", CLOSED, "NO_COLOR", "1");
            Drctl.run(environment, "--help");
            Drctl.run(environment, "query", "--help");
            Drctl.run(environment, "switchover", "--help");
            Drctl.run(environment, "completion", "bash");
            Drctl.run(environment, "query");
            Drctl.run(environment, "-o", "json", "cluster", "list");
            Drctl.run(environment, "task", "list");
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return ExitCode.DONE;
    }
}
