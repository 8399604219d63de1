package io.drsuite.system;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.drsuite.testing.LocalInfrastructure;
import io.drsuite.testing.RepositoryRoot;
import io.drsuite.testing.SignedIn;
import io.restassured.path.json.JsonPath;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real drctl program (./drctl at the repository root, the distribution the build wrote to cli/target/drctl) run
 * as a process against the suite of the system tests, with a config directory of its own (its sign-in cache) and the
 * services' URLs and the tests' Keycloak in its environment.
 */
final class DrctlProcess {

    private static final long TIMEOUT_SECONDS = 300;

    private final Path configDirectory;
    private final Map<String, String> environment = new HashMap<>();

    private DrctlProcess(Suite suite) {
        try {
            configDirectory = Files.createTempDirectory("drctl-config").resolve("drctl");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        environment.put("DRCTL_CONFIG_DIR", configDirectory.toString());
        environment.put("DRCTL_RELATIONSHIP_URL", suite.relationships.baseUrl());
        environment.put("DRCTL_TASK_URL", suite.tasks.baseUrl());
        environment.put("DRCTL_MONITOR_URL", suite.monitor.baseUrl());
        environment.put("DRCTL_SNAPSHOT_URL", suite.snapshots.baseUrl());
        environment.put("DRCTL_RECYCLEBIN_URL", suite.recyclebin.baseUrl());
        environment.put("DRCTL_ISSUER", LocalInfrastructure.oidcIssuer());
    }

    /** drctl with nobody signed in. */
    static DrctlProcess signedOut(Suite suite) {
        return new DrctlProcess(suite);
    }

    /** drctl signed in as a demo user (viewer, operator, admin) with {@code login --username --password-stdin}. */
    static DrctlProcess signedInAs(Suite suite, String user) {
        DrctlProcess drctl = new DrctlProcess(suite);
        Result login = drctl.runWithInput(SignedIn.demoPassword(user) + "\n", "login", "--username", user,
                "--password-stdin");
        if (login.exitCode() != 0) {
            throw new IllegalStateException("drctl login as " + user + " failed: " + login);
        }
        return drctl;
    }

    Path configDirectory() {
        return configDirectory;
    }

    /** Sets (or with null removes) an environment variable for the following runs. */
    DrctlProcess with(String variable, String value) {
        if (value == null) {
            environment.remove(variable);
        } else {
            environment.put(variable, value);
        }
        return this;
    }

    Result run(String... args) {
        return runWithInput("", args);
    }

    Result runWithInput(String input, String... args) {
        List<String> command = new ArrayList<>();
        command.add(RepositoryRoot.find().resolve("drctl").toString());
        command.addAll(List.of(args));
        return execute(command, input);
    }

    /**
     * drctl started and left running, for a command that waits for something the test does meanwhile (login's
     * device flow): its stderr is read line by line as it comes.
     */
    Running start(String... args) {
        List<String> command = new ArrayList<>();
        command.add(RepositoryRoot.find().resolve("drctl").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("NO_COLOR");
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            return new Running(process);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run drctl", e);
        }
    }

    /**
     * In a pseudo-terminal (util-linux {@code script}), as a user at a terminal sees it: progress bars, colours
     * unless NO_COLOR. stdout and stderr arrive mixed, as on a screen.
     */
    Result inTerminal(String... args) {
        List<String> words = new ArrayList<>();
        words.add(RepositoryRoot.find().resolve("drctl").toString());
        words.addAll(List.of(args));
        String line = String.join(" ", words.stream().map(DrctlProcess::shellQuoted).toList());
        return execute(List.of("script", "-qfec", line, "/dev/null"), "");
    }

    private Result execute(List<String> command, String input) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("NO_COLOR");
        builder.environment().putAll(environment);
        builder.environment().put("COLUMNS", "120");
        try {
            Process process = builder.start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            process.getOutputStream().write(input.getBytes(UTF_8));
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("drctl " + command + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new IllegalStateException("cannot run drctl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(java.io.InputStream stream) {
        try {
            return new String(stream.readAllBytes(), UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String shellQuoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** A drctl still running: its stderr so far, a wait for a line, and its end. */
    static final class Running {

        private final Process process;
        private final CompletableFuture<String> out;
        private final BlockingQueue<String> errLines =
                new LinkedBlockingQueue<>();
        private final StringBuilder err = new StringBuilder();
        private final Thread errReader;

        private Running(Process process) {
            this.process = process;
            this.out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            this.errReader = Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader lines = process.errorReader(UTF_8)) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        synchronized (err) {
                            err.append(line).append('\n');
                        }
                        errLines.add(line);
                    }
                } catch (IOException e) {
                    // the process ended
                }
            });
        }

        /** The first stderr line matching {@code pattern} (as a match, for its groups), waiting up to the timeout. */
        Matcher awaitLine(Pattern pattern, Duration timeout)
                throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                String line = errLines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null) {
                    Matcher match = pattern.matcher(line);
                    if (match.find()) {
                        return match;
                    }
                } else if (!process.isAlive() && errLines.isEmpty() && !errReader.isAlive()) {
                    break;
                }
            }
            throw new AssertionError("drctl printed no line matching " + pattern + "; stderr so far:\n" + stderr());
        }

        /** Waits for the end. */
        Result finish(Duration timeout) throws InterruptedException {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("drctl did not end within " + timeout + "; stderr:\n" + stderr());
            }
            errReader.join(5000);
            return new Result(process.exitValue(), out.join(), stderr());
        }

        private String stderr() {
            synchronized (err) {
                return err.toString();
            }
        }
    }

    /** What a run printed and how it ended. */
    record Result(int exitCode, String stdout, String stderr) {

        JsonPath json() {
            return new JsonPath(stdout);
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }
}
