package io.drsuite.system;

import io.drsuite.testing.PostgresInstance;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client that knows one address only (a load balancer's) and commits numbered rows through it as fast as it can,
 * reconnecting after any error. It keeps every acknowledged id, the moment of every commit, and how often a write
 * reached a server that refused it as read-only (a standby), which a routing method must never allow.
 */
final class RoutedWriter implements AutoCloseable {

    private static final String READ_ONLY = "25006";

    private final String url;
    private final Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    private final List<Long> commitNanos = new ArrayList<>();
    private final AtomicInteger readOnlyRefusals = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    RoutedWriter(int port, String table) {
        this.url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?connectTimeout=1&socketTimeout=5"
                + "&loginTimeout=2";
        String insert = "insert into " + table + " values (?)";
        this.thread = Thread.ofPlatform().name("routed-writer").start(() -> commitLoop(insert));
    }

    private void commitLoop(String insert) {
        long sequence = 0;
        while (running.get()) {
            try (Connection connection = DriverManager.getConnection(url, login());
                    PreparedStatement statement = connection.prepareStatement(insert)) {
                while (running.get()) {
                    statement.setLong(1, ++sequence);
                    statement.executeUpdate();
                    acknowledged.add(sequence);
                    synchronized (commitNanos) {
                        commitNanos.add(System.nanoTime());
                    }
                }
            } catch (SQLException refused) {
                if (READ_ONLY.equals(refused.getSQLState())) {
                    readOnlyRefusals.incrementAndGet();
                }
                pause();
            }
        }
    }

    Set<Long> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    int readOnlyRefusals() {
        return readOnlyRefusals.get();
    }

    int commitsAfter(long fromNanos) {
        synchronized (commitNanos) {
            return (int) commitNanos.stream().filter(at -> at > fromNanos).count();
        }
    }

    /** Seconds from {@code fromNanos} to the first commit after it, or -1 when there was none. */
    double firstCommitAfterSeconds(long fromNanos) {
        synchronized (commitNanos) {
            return commitNanos.stream().filter(at -> at > fromNanos).findFirst().map(at -> (at - fromNanos) / 1e9)
                    .orElse(-1.0);
        }
    }

    /** The longest time without an acknowledged commit between {@code fromNanos} and the last commit. */
    double longestGapSeconds(long fromNanos) {
        synchronized (commitNanos) {
            long previous = fromNanos;
            long longest = 0;
            for (long at : commitNanos) {
                if (at >= fromNanos) {
                    longest = Math.max(longest, at - previous);
                    previous = at;
                }
            }
            return longest / 1e9;
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
            Thread.sleep(5);
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
