package io.drsuite.task.pitr;

import static org.assertj.core.api.Assertions.assertThat;

import io.drsuite.events.task.WalTasks;
import io.drsuite.testing.LocalInfrastructure;
import io.drsuite.testing.PostgresInstance;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * A WAL archive made by hand for restore tests: a primary's completed segments copied gzip-compressed into the local
 * storage location, as the WAL streaming stores them.
 */
public final class WalArchiveFixture {

    private WalArchiveFixture() {
    }

    /** Copies the primary's completed segments from {@code first} to {@code last}, gzip-compressed, as the archive. */
    public static void archive(PostgresInstance prod, String prefix, String first, String last) throws Exception {
        List<String> segments = new ArrayList<>();
        try (Connection session = prod.connect("postgres"); Statement statement = session.createStatement();
                ResultSet files = statement.executeQuery("select name from pg_ls_waldir() order by name")) {
            while (files.next()) {
                String name = files.getString(1);
                if (name.matches("[0-9A-F]{24}") && name.compareTo(first) >= 0 && name.compareTo(last) <= 0) {
                    segments.add(name);
                }
            }
        }
        assertThat(segments).hasSize((int) (segmentNumber(last) - segmentNumber(first) + 1));
        try (Connection session = prod.connect("postgres");
                PreparedStatement read = session.prepareStatement("select pg_read_binary_file(?)")) {
            for (String segment : segments) {
                read.setString(1, "pg_wal/" + segment);
                try (ResultSet row = read.executeQuery()) {
                    row.next();
                    Path stored = LocalInfrastructure.snapshotFolder().resolve(WalTasks.objectKey(prefix, segment));
                    Files.createDirectories(stored.getParent());
                    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(stored))) {
                        out.write(row.getBytes(1));
                    }
                }
            }
        }
    }

    /** The segment's number in 16 MB WAL. */
    public static long segmentNumber(String segment) {
        return Long.parseLong(segment.substring(8, 16), 16) * 256 + Long.parseLong(segment.substring(16), 16);
    }

    /** The first column of the first row, as text. */
    public static String query(PostgresInstance server, String sql) throws Exception {
        try (Connection session = server.connect("postgres"); Statement statement = session.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
