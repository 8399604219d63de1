package io.drsuite.system;

import io.drsuite.testing.PostgresInstance;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A client that commits as fast as it can to whichever of the given servers accepts writes (libpq-style
 * multi-host URL with {@code targetServerType=primary}), reconnecting at once after an error, and records the
 * moment of every acknowledged commit. The longest gap between two commits is the write outage a user saw.
 */
final class WriteProbe implements AutoCloseable {

    private final String url;
    private final List<Long> commitNanos = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    WriteProbe(PostgresInstance... servers) {
        StringBuilder hosts = new StringBuilder();
        for (PostgresInstance server : servers) {
            hosts.append(hosts.isEmpty() ? "" : ",").append("127.0.0.1:").append(server.port());
        }
        this.url = "jdbc:postgresql://" + hosts + "/postgres?targetServerType=primary&connectTimeout=1"
                + "&socketTimeout=5&loginTimeout=2";
        this.thread = Thread.ofPlatform().name("write-probe").start(this::commitLoop);
    }

    private void commitLoop() {
        long sequence = 0;
        while (running.get()) {
            try (Connection connection = DriverManager.getConnection(url, login())) {
                try (PreparedStatement statement = connection.prepareStatement(
                        "insert into write_probe values (?, clock_timestamp())")) {
                    while (running.get()) {
                        statement.setLong(1, ++sequence);
                        statement.executeUpdate();
                        synchronized (commitNanos) {
                            commitNanos.add(System.nanoTime());
                        }
                    }
                }
            } catch (SQLException refused) {
                pause();
            }
        }
    }

    /** The longest time without an acknowledged commit between {@code fromNanos} and the last commit. */
    double longestGapSeconds(long fromNanos) {
        synchronized (commitNanos) {
            long previous = fromNanos;
            long longest = 0;
            for (long at : commitNanos) {
                if (at < fromNanos) {
                    continue;
                }
                longest = Math.max(longest, at - previous);
                previous = at;
            }
            return longest / 1e9;
        }
    }

    /** Seconds from {@code fromNanos} to the first commit after it, or -1 when there was none. */
    double firstCommitAfterSeconds(long fromNanos) {
        synchronized (commitNanos) {
            return commitNanos.stream().filter(at -> at > fromNanos).findFirst()
                    .map(at -> (at - fromNanos) / 1e9).orElse(-1.0);
        }
    }

    int commitsAfter(long fromNanos) {
        synchronized (commitNanos) {
            return (int) commitNanos.stream().filter(at -> at > fromNanos).count();
        }
    }

    private static Properties login() {
        Properties properties = new Properties();
        properties.setProperty("user", PostgresInstance.SUPERUSER);
        properties.setProperty("password", PostgresInstance.SUPERUSER_PASSWORD);
        return properties;
    }

    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join();
    }
}
