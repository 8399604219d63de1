package io.drsuite.task.dr;

import io.drsuite.clusterclient.host.CommandResult;
import io.drsuite.clusterclient.host.HostExecutor;
import io.drsuite.task.engine.TaskLease;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * A node's host executor that starts no command once the lease of the task running on this thread no longer holds,
 * so an instance that lost a task cannot restart, stop or rebuild a node another instance now controls.
 */
record FencedHostExecutor(HostExecutor executor) implements HostExecutor {

    @Override
    public CommandResult runFeeding(List<String> command, InputStream input, Duration timeout,
            Consumer<String> outputLines) {
        TaskLease.checkRunning();
        return executor.runFeeding(command, input, timeout, outputLines);
    }

    @Override
    public String describe() {
        return executor.describe();
    }
}
