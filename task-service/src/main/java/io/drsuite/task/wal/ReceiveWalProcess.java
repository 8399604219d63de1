package io.drsuite.task.wal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jboss.logging.Logger;

/**
 * One run of pg_receivewal, started and watched by the stream's loop: it runs until its connection ends. What it
 * says about where it streams (start, timeline switches) is kept for the task log; the last lines it wrote tell why it
 * ended.
 */
final class ReceiveWalProcess {

    private static final Logger LOG = Logger.getLogger(ReceiveWalProcess.class);
    private static final int TAIL_LINES = 4;
    private static final List<String> NOTABLE = List.of("starting log streaming", "switched to timeline",
            "not renaming");

    private final Process process;
    private final Instant startedAt = Instant.now();
    private final Queue<String> notable = new ConcurrentLinkedQueue<>();
    private final Deque<String> tail = new ArrayDeque<>();
    private final Thread errorReader;

    private ReceiveWalProcess(Process process) {
        this.process = process;
        this.errorReader = Thread.ofVirtual().name("pg_receivewal-" + process.pid()).start(this::readErrors);
    }

    /**
     * Starts pg_receivewal with {@code environment} added to this service's (PGPASSFILE, PGAPPNAME): nothing secret
     * goes on its command line.
     */
    static ReceiveWalProcess start(List<String> command, Map<String, String> environment, Path workingDirectory)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(environment);
        return new ReceiveWalProcess(builder.start());
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Duration ranFor() {
        return Duration.between(startedAt, Instant.now());
    }

    /** How it ended: its exit code and the last lines it wrote. Only once it is not alive. */
    String ending() throws InterruptedException {
        errorReader.join(Duration.ofSeconds(1));
        String lastLines;
        synchronized (tail) {
            lastLines = String.join(" / ", tail);
        }
        int exit = process.exitValue();
        String how = exit > 128 ? "killed by signal " + (exit - 128) : "exit code " + exit;
        return how + (lastLines.isEmpty() ? "" : ": " + lastLines);
    }

    /** What it said about its stream since the last call, for the task log. */
    List<String> notableLines() {
        List<String> lines = new ArrayList<>();
        for (String line = notable.poll(); line != null; line = notable.poll()) {
            lines.add(line);
        }
        return lines;
    }

    /** Asks it to end (SIGTERM) and waits for it a while; kills it when it does not. */
    void stop() {
        ArchiveFolder.stop(process.toHandle());
    }

    /** Ends it at once (SIGKILL): the stream is no longer this instance's to run. */
    void kill() {
        process.destroyForcibly();
    }

    private void readErrors() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                LOG.debugf("pg_receivewal %d: %s", process.pid(), line);
                String text = line.startsWith("pg_receivewal: ") ? line.substring("pg_receivewal: ".length()) : line;
                if (NOTABLE.stream().anyMatch(text::contains)) {
                    notable.add(text);
                }
                synchronized (tail) {
                    tail.addLast(text);
                    if (tail.size() > TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // the process ended and its pipe closed
        }
    }
}
