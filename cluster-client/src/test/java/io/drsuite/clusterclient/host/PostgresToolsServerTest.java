package io.drsuite.clusterclient.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.NodeEndpoint;
import io.drsuite.clusterclient.sql.NodeConnector;
import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.TrapListener;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client programs' connection strings against a real PostgreSQL 15: pg_dump, pg_restore and psql reach a database
 * whose name is made of conninfo and URL syntax, and nothing else.
 */
class PostgresToolsServerTest {

    private static final Login SUPERUSER = new Login(PostgresInstance.SUPERUSER, PostgresInstance.SUPERUSER_PASSWORD);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final PostgresTools TOOLS = new PostgresTools(
            System.getenv().getOrDefault("DRSUITE_PG_BIN", "/usr/lib/postgresql/15/bin"));

    private static PostgresInstance postgres;
    private static NodeEndpoint endpoint;

    @BeforeAll
    static void start() {
        postgres = PostgresInstance.primary("tools");
        endpoint = new NodeEndpoint("tools", "127.0.0.1", postgres.port());
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void dumpRestoreAndScriptReachTheDatabaseTheNameNames() throws Exception {
        try (TrapListener trap = new TrapListener()) {
            String source = trap.hostileDatabaseName();
            String target = source + "2";
            postgres.execute("create database " + identifier(source), "create database " + identifier(target));
            postgres.executeIn(source, "create table kept (id int)", "insert into kept values (1), (2)");
            Path passFile = Files.createTempFile("pgpass", "",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(passFile, PassFile.line(endpoint, SUPERUSER));
            try {
                ByteArrayOutputStream archive = new ByteArrayOutputStream();
                run(TOOLS.dump(endpoint, SUPERUSER.username(), source, List.of()), passFile, null, archive);
                run(TOOLS.restore(endpoint, SUPERUSER.username(), target, true), passFile,
                        archive.toByteArray(), null);
                run(TOOLS.runScript(endpoint, SUPERUSER.username(), target), passFile,
                        "insert into kept values (3);".getBytes(StandardCharsets.UTF_8), null);
            } finally {
                Files.delete(passFile);
            }
            assertEquals(3, count(target, "kept"));
            assertEquals(0, trap.connections(), "a client program connected where the database name pointed");
        }
    }

    private static void run(List<String> command, Path passFile, byte[] input, ByteArrayOutputStream output) {
        CommandResult result = new LocalProgram(command, Map.of("PGPASSFILE", passFile.toString()), Path.of("/tmp"))
                .run(input == null ? null : new ByteArrayInputStream(input), output, TIMEOUT, null);
        assertEquals(0, result.exitCode(), result.summary() + ": " + result.stderr());
    }

    private static long count(String database, String table) throws Exception {
        NodeConnector connector = new NodeConnector(Duration.ofSeconds(2), Duration.ofSeconds(5), "test");
        try (NodeSession session = connector.open(endpoint, SUPERUSER, database);
                Statement statement = session.connection().createStatement();
                ResultSet row = statement.executeQuery("select count(*) from " + table)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
