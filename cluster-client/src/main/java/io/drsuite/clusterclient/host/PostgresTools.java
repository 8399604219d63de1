package io.drsuite.clusterclient.host;

import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.NodeEndpoint;
import java.util.ArrayList;
import java.util.List;

/**
 * Argument vectors for the PostgreSQL programs the suite runs on a node's host or its own, from the binary folder.
 * Passwords never go on a command line: programs that connect read them from a password file given through
 * {@code PGPASSFILE} (set with {@code env}, as an argument, so it works the same over SSH).
 */
public record PostgresTools(String binDirectory) {

    /** The Debian layout for a major version, e.g. {@code /usr/lib/postgresql/15/bin}. */
    public static PostgresTools forMajorVersion(String binTemplate, int majorVersion) {
        return new PostgresTools(binTemplate.replace("{major}", String.valueOf(majorVersion)));
    }

    /**
     * A new, empty instance in {@code dataDirectory} (absent or empty) whose bootstrap superuser is {@code superuser}
     * with the password in {@code passwordFile}'s first line: peer authentication over the Unix socket, SCRAM over
     * TCP. UTF-8 with the C locale, which every host has and every encoding converts to.
     */
    public List<String> initdb(String dataDirectory, String superuser, String passwordFile) {
        return List.of(bin("initdb"), "--pgdata=" + dataDirectory, "--username=" + superuser,
                "--pwfile=" + passwordFile, "--auth-local=peer", "--auth-host=scram-sha-256", "--encoding=UTF8",
                "--locale=C");
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

    /** The value a server started on {@code dataDirectory} would have for a setting, read from its configuration. */
    public List<String> showSetting(String dataDirectory, String setting) {
        return List.of(bin("postgres"), "-D", dataDirectory, "-C", setting);
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

    /**
     * Checks every database's tables and B-tree indexes for corruption, installing the {@code amcheck} extension
     * where it is missing (for a throwaway copy only: it changes the databases it checks). Exit status 2 means
     * corruption was found. The password comes from {@code PGPASSFILE}.
     */
    public List<String> amcheck(NodeEndpoint node, String user, String passFile) {
        return List.of("env", "PGPASSFILE=" + passFile, bin("pg_amcheck"), "-h", node.host(), "-p",
                String.valueOf(node.port()), "-U", user, "-w", "--all", "--install-missing");
    }

    /** Resynchronises a stopped former primary from {@code source}, copying only blocks changed since they forked. */
    public List<String> rewind(NodeEndpoint source, Login login, String passFile, String dataDirectory) {
        return List.of("env", "PGPASSFILE=" + passFile, bin("pg_rewind"), "--target-pgdata=" + dataDirectory,
                "--source-server=" + Conninfo.of(source, login.username(), "postgres"), "--progress");
    }

    /**
     * A physical backup of the whole cluster written to standard output as one tar: {@code -X fetch} puts the WAL
     * needed for consistency into it and, writing to standard output, pg_basebackup adds the backup manifest as its
     * last member. The password comes from {@code PGPASSFILE} in the environment.
     *
     * @param compression pg_basebackup's {@code --compress} value, e.g. {@code gzip:1}
     */
    public List<String> baseBackupToStream(NodeEndpoint source, String user, String label, String compression) {
        return List.of(bin("pg_basebackup"), "-h", source.host(), "-p", String.valueOf(source.port()), "-U", user,
                "-w", "-D", "-", "-F", "tar", "-X", "fetch", "-c", "fast", "--compress=" + compression,
                "--label=" + label, "--progress", "--verbose");
    }

    /**
     * Streams WAL from {@code source} into {@code directory} through {@code slot} until the connection ends
     * ({@code --no-loop}: whoever runs it decides when to connect again, and to which node). Completed segments get
     * their PostgreSQL name, the one being written ends in {@code .partial}. The password comes from
     * {@code PGPASSFILE} and the application name from {@code PGAPPNAME} in the environment.
     *
     * @param synchronous flush every write and report it at once, so the stream can be a synchronous standby
     */
    public List<String> receiveWal(NodeEndpoint source, String user, String directory, String slot,
            boolean synchronous) {
        List<String> argv = new ArrayList<>(List.of(bin("pg_receivewal"), "--host=" + source.host(),
                "--port=" + source.port(), "--username=" + user, "--no-password", "--directory=" + directory,
                "--slot=" + slot, "--no-loop", "--verbose"));
        if (synchronous) {
            argv.add("--synchronous");
        }
        return argv;
    }

    /**
     * A logical backup in custom format to standard output: the whole database, or only {@code tables} (qualified
     * names, each quoted as a literal pattern so no character in a name acts as a wildcard).
     */
    public List<String> dump(NodeEndpoint source, String user, String database, List<QualifiedName> tables) {
        List<String> argv = new ArrayList<>(List.of(bin("pg_dump"), "--dbname=" + Conninfo.of(source, user, database),
                "-w", "--format=custom", "--verbose"));
        if (!tables.isEmpty()) {
            argv.add("--strict-names");
            tables.forEach(table -> argv.add("--table=" + table.asPattern()));
        }
        return argv;
    }

    /**
     * Restores a custom-format archive read from standard input into {@code database}, stopping at the first error.
     *
     * @param keepOwnership restore owners and privileges (the same cluster); otherwise objects belong to
     *        {@code user} and no GRANTs are replayed (roles may not exist on another cluster)
     */
    public List<String> restore(NodeEndpoint target, String user, String database, boolean keepOwnership) {
        List<String> argv = new ArrayList<>(List.of(bin("pg_restore"),
                "--dbname=" + Conninfo.of(target, user, database), "-w", "--exit-on-error", "--verbose"));
        if (!keepOwnership) {
            argv.addAll(List.of("--no-owner", "--no-privileges"));
        }
        return argv;
    }

    /** The data of some tables of one schema from an archive on standard input, as SQL on standard output. */
    public List<String> tableDataScript(String schema, List<String> tables) {
        List<String> argv = new ArrayList<>(List.of(bin("pg_restore"), "--file=-", "--data-only", "--schema=" + schema));
        tables.forEach(table -> argv.add("--table=" + table));
        return argv;
    }

    /** The table of contents of an archive on standard input: reads it as {@code pg_restore} would. */
    public List<String> listArchive() {
        return List.of(bin("pg_restore"), "--list");
    }

    /**
     * Runs the SQL on standard input, stopping at the first error. The script brings its own {@code BEGIN} and ends
     * with its own {@code COMMIT}, and psql adds nothing: at the end of its input it just disconnects, so a script
     * cut short before its COMMIT (its writer failed, or the writing process died and the pipe closed) leaves the
     * transaction open when the session ends, and the server rolls it back. {@code --single-transaction} is not used
     * on purpose: with it psql sends COMMIT at the end of its input, however early that end comes.
     */
    public List<String> runScript(NodeEndpoint target, String user, String database) {
        return List.of(bin("psql"), "--dbname=" + Conninfo.of(target, user, database), "-w", "-X", "-q",
                "--set=ON_ERROR_STOP=1", "--file=-");
    }

    /** Checks an extracted physical backup against its manifest, WAL included. */
    public List<String> verifyBackup(String backupDirectory) {
        return List.of(bin("pg_verifybackup"), backupDirectory);
    }

    private String bin(String program) {
        return binDirectory + "/" + program;
    }
}
