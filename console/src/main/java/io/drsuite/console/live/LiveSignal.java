package io.drsuite.console.live;

/**
 * One thing that changed, pushed to open pages as a server-sent event named after it: {@code relationship-<id>},
 * {@code cluster-<id>}, {@code task-<id>}, or a list ({@code relationships}, {@code clusters}, {@code tasks},
 * {@code alerts}, {@code audit}, {@code snapshots}, {@code bin}, {@code wal-archives}, {@code drills}). A page
 * element listening for the name fetches its own fresh fragment; the data is the CloudEvents type that caused it.
 */
public record LiveSignal(String name, String cause) {

    public static LiveSignal relationship(Object id, String cause) {
        return new LiveSignal("relationship-" + id, cause);
    }

    public static LiveSignal cluster(Object id, String cause) {
        return new LiveSignal("cluster-" + id, cause);
    }

    public static LiveSignal task(Object id, String cause) {
        return new LiveSignal("task-" + id, cause);
    }
}
