package io.drsuite.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A throwaway PostgreSQL 15 server started by a test on a free loopback port, run as the {@code postgres} OS user:
 * a primary from {@code initdb}, or a streaming standby from {@code pg_basebackup} of another instance.
 * Its superuser {@code postgres} has the password {@link #SUPERUSER_PASSWORD}.
 */
public final class PostgresInstance implements AutoCloseable {

    public static final String SUPERUSER = "postgres";
    public static final String SUPERUSER_PASSWORD = "test-superuser-pw";

    private static final Path BIN = Path.of(System.getenv().getOrDefault("DRSUITE_PG_BIN", "/usr/lib/postgresql/15/bin"));
    private static final List<PostgresInstance> STARTED = new ArrayList<>();
    private static final String INSTANCE_CONF = "instance.conf";

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(PostgresInstance::stopAll, "stop-test-postgres"));
    }

    private final String name;
    private final Path dataDirectory;
    private final int port;

    private PostgresInstance(String name, Path dataDirectory, int port) {
        this.name = name;
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** Creates and starts a new primary. */
    public static PostgresInstance primary(String name) {
        return primary(name, Map.of());
    }

    /**
     * Creates and starts a new primary with {@code settings} (server parameters, e.g. {@code shared_buffers}) on top
     * of the tests' usual ones.
     */
    public static PostgresInstance primary(String name, Map<String, String> settings) {
        PostgresInstance instance = allocate(name);
        Path passwordFile = instance.dataDirectory.resolveSibling(instance.dataDirectory.getFileName() + ".pw");
        write(passwordFile, SUPERUSER_PASSWORD);
        ownByPostgres(passwordFile);
        Commands.run(Commands.asPostgresUser(List.of(BIN.resolve("initdb").toString(), "-D",
                instance.dataDirectory.toString(), "-U", SUPERUSER, "--pwfile=" + passwordFile,
                "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync")), Map.of(), null, 120);
        append(instance.dataDirectory.resolve("pg_hba.conf"),
                "host replication all 127.0.0.1/32 scram-sha-256\n");
        // Settings go to an included file, as many installations (and ./drsuite run's demo clusters) do, so DR
        // tests cover a node keeping its own included configuration through a rebuild.
        append(instance.dataDirectory.resolve("postgresql.conf"), "include_if_exists = 'instance.conf'\n");
        write(instance.dataDirectory.resolve(INSTANCE_CONF), instanceSettings(instance.port) + lines(settings));
        ownByPostgres(instance.dataDirectory.resolve(INSTANCE_CONF));
        instance.start();
        return instance;
    }

    /**
     * A new primary started from a copy of this instance's files, which must be stopped: the same system identifier
     * and superuser password, on a port of its own, with {@code settings} on top of the tests' usual ones. Many
     * servers start this way in the time an {@code initdb} each would take (the registry accepts clusters that share
     * a system identifier, as clones of one another do).
     */
    public PostgresInstance copy(String copyName, Map<String, String> settings) {
        if (Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            throw new IllegalStateException(name + " is running; stop it before copying its files");
        }
        PostgresInstance copy = allocate(copyName);
        Commands.run(List.of("cp", "-a", "--", dataDirectory.toString(), copy.dataDirectory.toString()), Map.of(),
                null, 120);
        write(copy.dataDirectory.resolve(INSTANCE_CONF), instanceSettings(copy.port) + lines(settings));
        ownByPostgres(copy.dataDirectory.resolve(INSTANCE_CONF));
        copy.start();
        return copy;
    }

    /** Creates and starts a hot standby streaming from this instance. */
    public PostgresInstance standby(String standbyName) {
        PostgresInstance standby = allocate(standbyName);
        Commands.run(Commands.asPostgresUser(List.of(BIN.resolve("pg_basebackup").toString(), "-h", "127.0.0.1",
                "-p", String.valueOf(port), "-U", SUPERUSER, "-D", standby.dataDirectory.toString(), "-R",
                "-X", "stream", "-c", "fast", "--no-sync")), Map.of("PGPASSWORD", SUPERUSER_PASSWORD), null, 120);
        write(standby.dataDirectory.resolve(INSTANCE_CONF), instanceSettings(standby.port));
        standby.start();
        return standby;
    }

    /**
     * Creates and starts a hot standby streaming from this instance under {@code applicationName}, through a
     * physical slot of the same name created on this instance (as DR Suite names a cluster's local standbys).
     */
    public PostgresInstance standby(String standbyName, String applicationName) {
        PostgresInstance standby = allocate(standbyName);
        Commands.run(Commands.asPostgresUser(List.of(BIN.resolve("pg_basebackup").toString(), "-d",
                "host=127.0.0.1 port=" + port + " user=" + SUPERUSER + " application_name=" + applicationName,
                "-D", standby.dataDirectory.toString(), "-R", "-C", "-S", applicationName,
                "-X", "stream", "-c", "fast", "--no-sync")), Map.of("PGPASSWORD", SUPERUSER_PASSWORD), null, 120);
        write(standby.dataDirectory.resolve(INSTANCE_CONF), instanceSettings(standby.port));
        standby.start();
        return standby;
    }

    /**
     * A node that does not exist yet: a free port and a data directory path (not created) for a test that has
     * the suite build it. {@link #close()} stops and removes whatever was built there.
     */
    public static PostgresInstance unbuilt(String name) {
        PostgresInstance instance = allocate(name);
        synchronized (STARTED) {
            STARTED.add(instance);
        }
        return instance;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** A superuser connection to the given database, whatever its name holds (it goes as a property, not in a URL). */
    public Connection connect(String database) throws SQLException {
        return connect(database, SUPERUSER, SUPERUSER_PASSWORD);
    }

    /** A connection to the given database as another login, e.g. an unprivileged role a test created. */
    public Connection connect(String database, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("PGHOST", "127.0.0.1");
        properties.setProperty("PGPORT", String.valueOf(port));
        properties.setProperty("PGDBNAME", database);
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return DriverManager.getConnection("jdbc:postgresql://", properties);
    }

    /** Runs SQL statements as the superuser in database {@code postgres}. */
    public void execute(String... statements) {
        executeIn("postgres", statements);
    }

    /** Runs SQL statements as the superuser in the given database. */
    public void executeIn(String database, String... statements) {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed on " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts the server. After a SIGKILL the dead postmaster may linger as a zombie for a moment, and a new one
     * refuses to start while its pid is alive: a few attempts.
     */
    public void start() {
        for (int attempt = 1; ; attempt++) {
            try {
                pgCtl("-l", dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log").toString(), "-w",
                        "start");
                break;
            } catch (IllegalStateException refused) {
                if (attempt == 5) {
                    throw refused;
                }
                sleep(attempt * 500L);
            }
        }
        synchronized (STARTED) {
            if (!STARTED.contains(this)) {
                STARTED.add(this);
            }
        }
    }

    /**
     * A tar-format backup of this server taken by hand with pg_basebackup, as a DBA would: into {@code folder} (new
     * or empty, writable by the postgres OS user), WAL fetched at the end, compressed as given (e.g.
     * {@code gzip:1}).
     */
    public void baseBackupTar(Path folder, String compression) {
        Commands.run(Commands.asPostgresUser(List.of(BIN.resolve("pg_basebackup").toString(), "-h", "127.0.0.1",
                "-p", String.valueOf(port), "-U", SUPERUSER, "-D", folder.toString(), "-F", "tar", "-X", "fetch",
                "-c", "fast", "--compress=" + compression)), Map.of("PGPASSWORD", SUPERUSER_PASSWORD), null, 3600);
    }

    /**
     * Runs SQL with {@code psql} as the superuser, as a person at a terminal would ({@code ON_ERROR_STOP}); returns
     * what psql printed, standard error included. Throws with that output when psql fails.
     */
    public String psql(String database, String sql) {
        return Commands.run(List.of(BIN.resolve("psql").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port),
                "-U", SUPERUSER, "-d", database, "-X", "-v", "ON_ERROR_STOP=1", "-c", sql),
                Map.of("PGPASSWORD", SUPERUSER_PASSWORD), null, 60);
    }

    /** A folder next to this server's data directory that the postgres OS user may write, e.g. for backups. */
    public Path siblingFolder(String suffix) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + "-" + suffix);
    }

    /**
     * A new, empty folder the postgres OS user owns, outside every instance's data directory: a root where the suite
     * may create throwaway instances (a drill sandbox).
     */
    public static Path emptyFolderForPostgres(String name) {
        Path folder = RepositoryRoot.testRunDir().resolve("folders").resolve(name + "-" + UUID.randomUUID()
                .toString().substring(0, 8));
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ownByPostgres(folder.getParent());
        ownByPostgres(folder);
        return folder;
    }

    /** Bytes of all databases ({@code pg_database_size}). */
    public long databasesSize() throws SQLException {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select sum(pg_database_size(datname)) from pg_database")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** A clean, fast shutdown. */
    public void stop() {
        pgCtl("-m", "fast", "-w", "stop");
    }

    /** {@code select count(*) from <fromWhere>} in database {@code postgres}, e.g. {@code "orders where id > 10"}. */
    public long count(String fromWhere) throws SQLException {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select count(*) from " + fromWhere)) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * Every user table of a database with its row count and an MD5 of all its rows in a fixed order, as
     * {@code schema.table → "count:md5"}: two databases with equal maps hold the same data.
     */
    public Map<String, String> tableChecksums(String database) throws SQLException {
        Map<String, String> checksums = new TreeMap<>();
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            List<String[]> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select schemaname || '.' || tablename, "
                    + "format('%I.%I', schemaname, tablename) from pg_tables "
                    + "where schemaname not in ('pg_catalog', 'information_schema')")) {
                while (rows.next()) {
                    tables.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
            for (String[] table : tables) {
                try (ResultSet row = statement.executeQuery("select count(*), coalesce(md5(string_agg(t::text, "
                        + "E'\\n' order by t::text)), '') from " + table[1] + " t")) {
                    row.next();
                    checksums.put(table[0], row.getLong(1) + ":" + row.getString(2));
                }
            }
        }
        return checksums;
    }

    public boolean inRecovery() throws SQLException {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select pg_is_in_recovery()")) {
            row.next();
            return row.getBoolean(1);
        }
    }

    /** The standbys streaming from this server: application_name → sync_state. */
    public Map<String, String> streamingStandbys() throws SQLException {
        Map<String, String> standbys = new HashMap<>();
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "select application_name, sync_state from pg_stat_replication where state = 'streaming'")) {
            while (row.next()) {
                standbys.put(row.getString(1), row.getString(2));
            }
        }
        return standbys;
    }

    /** Kills the postmaster with SIGKILL, as a crash would: no shutdown checkpoint, backends left to notice. */
    public void killPostmaster() {
        try {
            String pid = Files.readAllLines(dataDirectory.resolve("postmaster.pid")).getFirst().strip();
            Commands.run(List.of("kill", "-9", pid), Map.of(), null, 30);
        } catch (IOException e) {
            throw new UncheckedIOException("no postmaster.pid in " + dataDirectory, e);
        }
    }

    /**
     * Freezes this standby's WAL receiver (SIGSTOP): it still shows as streaming but receives nothing, as behind a
     * stalled network. Closing the returned handle lets it go on (SIGCONT).
     */
    public AutoCloseable freezeWalReceiver() throws SQLException {
        String pid;
        try (Connection connection = connect("postgres");
                java.sql.ResultSet row = connection.createStatement()
                        .executeQuery("select pid from pg_stat_wal_receiver")) {
            if (!row.next()) {
                throw new IllegalStateException(name + " has no WAL receiver");
            }
            pid = Long.toString(row.getLong(1));
        }
        Commands.run(List.of("kill", "-STOP", pid), Map.of(), null, 30);
        return () -> Commands.run(List.of("kill", "-CONT", pid), Map.of(), null, 30);
    }

    /** Whether the server accepts a superuser connection. */
    public boolean answers() {
        try (Connection ignored = connect("postgres")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Stops the server at once and deletes its data directory, password file and log. */
    @Override
    public void close() {
        try {
            pgCtl("-m", "immediate", "-w", "stop");
        } catch (IllegalStateException alreadyStopped) {
            // nothing to stop
        }
        synchronized (STARTED) {
            STARTED.remove(this);
        }
        String base = dataDirectory.getFileName().toString();
        Commands.run(List.of("rm", "-rf", "--", dataDirectory.toString(),
                dataDirectory.resolveSibling(base + ".pw").toString(),
                dataDirectory.resolveSibling(base + ".log").toString()), Map.of(), null, 60);
    }

    private void pgCtl(String... arguments) {
        List<String> command = new ArrayList<>(List.of(BIN.resolve("pg_ctl").toString(), "-D", dataDirectory.toString()));
        command.addAll(List.of(arguments));
        Commands.run(Commands.asPostgresUser(command), Map.of(), null, 120);
    }

    private static String instanceSettings(int port) {
        return String.join("\n",
                "listen_addresses = '127.0.0.1'",
                "unix_socket_directories = ''",
                "wal_level = replica",
                "wal_log_hints = on",
                "max_wal_senders = 10",
                "max_replication_slots = 10",
                "hot_standby = on",
                "wal_keep_size = '128MB'",
                "shared_buffers = '16MB'",
                "fsync = off",
                "port = " + port, "");
    }

    /** Later lines of the file win, so these override the usual settings; every value is quoted, as any may be. */
    private static String lines(Map<String, String> settings) {
        StringBuilder text = new StringBuilder();
        settings.forEach((parameter, value) -> {
            if (!parameter.matches("[a-z_]+")) {
                throw new IllegalArgumentException("not a server parameter: " + parameter);
            }
            text.append(parameter).append(" = '").append(value.replace("'", "''")).append("'\n");
        });
        return text.toString();
    }

    private static PostgresInstance allocate(String name) {
        Path dir = RepositoryRoot.testRunDir().resolve("clusters").resolve(name + "-" + UUID.randomUUID().toString()
                .substring(0, 8));
        try {
            Files.createDirectories(dir.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ownByPostgres(dir.getParent());
        return new PostgresInstance(name, dir, FreePorts.next());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void ownByPostgres(Path path) {
        if (Commands.isRoot()) {
            Commands.run(List.of("chown", "postgres:postgres", path.toString()), Map.of(), null, 30);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void append(Path file, String content) {
        try {
            Files.writeString(file, content, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stopAll() {
        List<PostgresInstance> running;
        synchronized (STARTED) {
            running = new ArrayList<>(STARTED);
        }
        running.forEach(PostgresInstance::close);
    }

    @Override
    public String toString() {
        return name + "@127.0.0.1:" + port;
    }
}
