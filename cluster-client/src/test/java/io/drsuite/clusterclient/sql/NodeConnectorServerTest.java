package io.drsuite.clusterclient.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.NodeEndpoint;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.TrapListener;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link NodeConnector} against a real PostgreSQL 15: the database name reaches the server as a name, whatever it
 * contains, and never turns into connection settings.
 */
class NodeConnectorServerTest {

    private static final Login SUPERUSER = new Login(PostgresInstance.SUPERUSER, PostgresInstance.SUPERUSER_PASSWORD);

    private static PostgresInstance postgres;

    @BeforeAll
    static void start() {
        postgres = PostgresInstance.primary("connector");
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aDatabaseNameCannotRedirectTheConnection() throws Exception {
        try (TrapListener trap = new TrapListener()) {
            NodeConnector connector = new NodeConnector(Duration.ofSeconds(2), Duration.ofSeconds(5), "test");
            for (String name : List.of("x?PGPORT=" + trap.port(), trap.hostileDatabaseName())) {
                postgres.execute("create database " + quoteIdentifier(name));
                try (NodeSession session = connector.open(new NodeEndpoint("n", "127.0.0.1", postgres.port()),
                        SUPERUSER, name); Statement statement = session.connection().createStatement();
                        ResultSet row = statement.executeQuery("select current_database(), inet_server_port()")) {
                    row.next();
                    assertEquals(name, row.getString(1));
                    assertEquals(postgres.port(), row.getInt(2));
                }
            }
            assertEquals(0, trap.connections(), "a connection went to the address the database name named");
        }
    }

    static String quoteIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
