package io.drsuite.console.services;

/** The five services whose APIs the console calls. */
public enum Service {
    RELATIONSHIP("relationship-service"),
    TASK("task-service"),
    MONITOR("monitor-service"),
    SNAPSHOT("snapshot-service"),
    RECYCLEBIN("recyclebin-service");

    private final String displayName;

    Service(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
