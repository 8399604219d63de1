package io.drsuite.system;

import io.drsuite.testing.PostgresInstance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code pg_receivewal} run by hand against a server, as a DBA would: through its own physical slot into a local
 * folder, uncompressed, as the {@code postgres} OS user. The benchmarks' baseline for the suite's WAL archive.
 */
final class RawWalReceiver implements AutoCloseable {

    private static final Path BIN = Path.of(System.getenv().getOrDefault("DRSUITE_PG_BIN",
            "/usr/lib/postgresql/15/bin"));
    private static final String SLOT = "bench_raw_receivewal";

    private final PostgresInstance source;
    private final Path folder;
    private final Process process;

    private RawWalReceiver(PostgresInstance source, Path folder, Process process) {
        this.source = source;
        this.folder = folder;
        this.process = process;
    }

    /** Creates the slot (reserving WAL from now) and starts pg_receivewal into a new folder next to the server. */
    static RawWalReceiver start(PostgresInstance source) throws IOException, InterruptedException {
        source.execute("select pg_create_physical_replication_slot('" + SLOT + "', true)");
        Path folder = source.siblingFolder("raw-receivewal");
        run(asPostgres(List.of("mkdir", "-p", folder.toString())));
        ProcessBuilder builder = new ProcessBuilder(asPostgres(List.of(BIN.resolve("pg_receivewal").toString(),
                "-h", "127.0.0.1", "-p", String.valueOf(source.port()), "-U", PostgresInstance.SUPERUSER,
                "-D", folder.toString(), "-S", SLOT, "--no-loop", "-n")));
        builder.environment().put("PGPASSWORD", PostgresInstance.SUPERUSER_PASSWORD);
        builder.redirectErrorStream(true).redirectOutput(folder.resolveSibling(folder.getFileName() + ".log")
                .toFile());
        return new RawWalReceiver(source, folder, builder.start());
    }

    /** Whether pg_receivewal has completed the segment {@code walFileName} (no longer {@code .partial}). */
    boolean completed(String walFileName) {
        if (!process.isAlive() && !Files.exists(folder.resolve(walFileName))) {
            throw new IllegalStateException("pg_receivewal ended with " + process.exitValue());
        }
        return Files.exists(folder.resolve(walFileName));
    }

    /** Stops pg_receivewal, drops its slot and deletes the folder and its log. */
    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        source.execute("select pg_drop_replication_slot('" + SLOT + "')");
        run(List.of("rm", "-rf", "--", folder.toString(), folder.resolveSibling(folder.getFileName() + ".log")
                .toString()));
    }

    private static List<String> asPostgres(List<String> command) {
        if (!"root".equals(System.getProperty("user.name"))) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command + " ended with " + process.exitValue());
        }
    }
}
