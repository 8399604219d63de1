package io.drsuite.clusterclient.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.drsuite.testing.PostgresInstance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link AutoConf} against a real PostgreSQL 15: it reads what {@code ALTER SYSTEM} writes, and the server reads what
 * it renders ({@code pg_file_settings} parses the configuration files afresh).
 */
class AutoConfServerTest {

    private static final List<String> VALUES = List.of("host=x password='it\\'s' user='a\\\\b'", "it's",
            "back\\slash", "''", "ünïcødé ✓", "tab\there");

    private static PostgresInstance postgres;

    @BeforeAll
    static void start() {
        postgres = PostgresInstance.primary("autoconf");
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void parsesWhatAlterSystemWrites() throws Exception {
        for (String value : VALUES) {
            try (Connection connection = postgres.connect("postgres");
                    Statement statement = connection.createStatement()) {
                statement.execute("ALTER SYSTEM SET primary_conninfo = " + literal(value));
            }
            AutoConf conf = AutoConf.parse(Files.readString(autoConf()));
            assertEquals(Optional.of(value), conf.get("primary_conninfo"));
            assertEquals(Files.readString(autoConf()), conf.render(), "renders the file as the server wrote it");
        }
    }

    @Test
    void theServerReadsWhatItRenders() throws Exception {
        Path file = autoConf();
        String original = Files.readString(file);
        try {
            for (String value : VALUES) {
                Files.writeString(file, AutoConf.parse(original).set("primary_conninfo", value).render());
                assertEquals(value, fileSetting("primary_conninfo"));
            }
        } finally {
            Files.writeString(file, original);
        }
    }

    private static Path autoConf() {
        return postgres.dataDirectory().resolve("postgresql.auto.conf");
    }

    private static String fileSetting(String name) throws SQLException {
        try (Connection connection = postgres.connect("postgres");
                PreparedStatement query = connection.prepareStatement("SELECT setting, error FROM pg_file_settings"
                        + " WHERE name = ? AND sourcefile LIKE '%.auto.conf'")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new AssertionError("the server did not read " + name + " from " + autoConf() + ":\n"
                            + readQuietly(autoConf()));
                }
                assertEquals(null, row.getString("error"));
                return row.getString("setting");
            }
        }
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
