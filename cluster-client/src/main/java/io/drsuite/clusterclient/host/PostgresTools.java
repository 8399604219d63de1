package io.drsuite.clusterclient.host;

import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.NodeEndpoint;
import java.util.ArrayList;
import java.util.List;

/**
 * Argument vectors for the PostgreSQL programs the suite runs on a node's host, from the node's binary folder.
 * Passwords never go on a command line: programs that connect read them from a password file given through
 * {@code PGPASSFILE} (set with {@code env}, as an argument, so it works the same over SSH).
 */
public record PostgresTools(String binDirectory) {

    /** The Debian layout for a major version, e.g. {@code /usr/lib/postgresql/15/bin}. */
    public static PostgresTools forMajorVersion(String binTemplate, int majorVersion) {
        return new PostgresTools(binTemplate.replace("{major}", String.valueOf(majorVersion)));
    }

    public List<String> start(String dataDirectory, String logFile, int waitSeconds) {
        return List.of(bin("pg_ctl"), "-D", dataDirectory, "-l", logFile, "-w", "-t", String.valueOf(waitSeconds),
                "start");
    }

    public List<String> stop(String dataDirectory, String mode, int waitSeconds) {
        return List.of(bin("pg_ctl"), "-D", dataDirectory, "-m", mode, "-w", "-t", String.valueOf(waitSeconds),
                "stop");
    }

    /** Asks the server to stop and returns at once. */
    public List<String> requestStop(String dataDirectory, String mode) {
        return List.of(bin("pg_ctl"), "-D", dataDirectory, "-m", mode, "-W", "stop");
    }

    /** Exit code 0: running; 3: not running; 4: no data directory. */
    public List<String> status(String dataDirectory) {
        return List.of(bin("pg_ctl"), "-D", dataDirectory, "status");
    }

    public List<String> controlData(String dataDirectory) {
        return List.of(bin("pg_controldata"), "-D", dataDirectory);
    }

    /** A full copy of {@code source} into an empty {@code dataDirectory}, WAL streamed, through {@code slot}. */
    public List<String> baseBackup(NodeEndpoint source, Login login, String passFile, String dataDirectory,
            String slot) {
        List<String> argv = new ArrayList<>(List.of("env", "PGPASSFILE=" + passFile, bin("pg_basebackup"),
                "-h", source.host(), "-p", String.valueOf(source.port()), "-U", login.username(), "-w",
                "-D", dataDirectory, "-X", "stream", "-c", "fast", "--progress", "--verbose"));
        if (slot != null) {
            argv.addAll(List.of("-S", slot));
        }
        return argv;
    }

    /** Resynchronises a stopped former primary from {@code source}, copying only blocks changed since they forked. */
    public List<String> rewind(NodeEndpoint source, Login login, String passFile, String dataDirectory) {
        return List.of("env", "PGPASSFILE=" + passFile, bin("pg_rewind"), "--target-pgdata=" + dataDirectory,
                "--source-server=" + Conninfo.of(source, login.username(), "postgres"), "--progress");
    }

    private String bin(String program) {
        return binDirectory + "/" + program;
    }
}
