package io.drsuite.monitor.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * This replica of monitor-service as the managed nodes see it: its sessions' {@code application_name} is
 * {@code drsuite-monitor/<instance-id>}, so {@code pg_stat_activity} tells which replica watches a node.
 */
@ApplicationScoped
public class MonitorInstance {

    private final String id;

    MonitorInstance(MonitorConfig config) {
        this.id = config.instanceId().map(String::strip).filter(configured -> !configured.isEmpty())
                .orElseGet(MonitorInstance::hostAndPid);
    }

    public String id() {
        return id;
    }

    /** The {@code application_name} of this replica's monitoring sessions. */
    public String applicationName() {
        return "drsuite-monitor/" + id;
    }

    private static String hostAndPid() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
