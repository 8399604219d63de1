package io.drsuite.cli.config;

/** The five services drctl talks to, each with the port it listens on in the local suite. */
public enum Service {
    RELATIONSHIP("relationship-service", 8081),
    TASK("task-service", 8082),
    MONITOR("monitor-service", 8083),
    SNAPSHOT("snapshot-service", 8084),
    RECYCLEBIN("recyclebin-service", 8085);

    private final String serviceName;
    private final int localPort;

    Service(String serviceName, int localPort) {
        this.serviceName = serviceName;
        this.localPort = localPort;
    }

    public String serviceName() {
        return serviceName;
    }

    /** The key in the config file, e.g. {@code relationship-url}. */
    public String configKey() {
        return name().toLowerCase(java.util.Locale.ROOT) + "-url";
    }

    /** The environment variable, e.g. {@code DRCTL_RELATIONSHIP_URL}. */
    public String environmentVariable() {
        return "DRCTL_" + name() + "_URL";
    }

    public String localUrl() {
        return "http://127.0.0.1:" + localPort;
    }
}
