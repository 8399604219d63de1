package io.drsuite.task.dr;

import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.NodeEndpoint;
import io.drsuite.clusterclient.files.AutoConf;
import io.drsuite.clusterclient.host.Conninfo;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The recovery settings that make a stopped node a standby of an upstream, written into its
 * {@code postgresql.auto.conf}: where to stream from (with the replication login, as {@code pg_basebackup -R}
 * writes it), through which slot, and following timeline switches of the upstream.
 */
public final class StandbyConfig {

    private static final String[] MANAGED = {"primary_conninfo", "primary_slot_name", "synchronous_standby_names"};

    private StandbyConfig() {
    }

    public static AutoConf apply(AutoConf conf, NodeEndpoint upstream, Login replication, String applicationName,
            String slotName) {
        for (String setting : MANAGED) {
            conf.remove(setting);
        }
        Map<String, String> conninfo = new LinkedHashMap<>();
        conninfo.put("host", upstream.host());
        conninfo.put("port", String.valueOf(upstream.port()));
        conninfo.put("user", replication.username());
        conninfo.put("password", replication.password());
        conninfo.put("application_name", applicationName);
        conf.set("primary_conninfo", Conninfo.of(conninfo));
        if (slotName != null) {
            conf.set("primary_slot_name", slotName);
        }
        conf.set("recovery_target_timeline", "latest");
        return conf;
    }

    /** Removes the upstream settings, as a detached or promoted node has none. */
    public static AutoConf detach(AutoConf conf) {
        for (String setting : MANAGED) {
            conf.remove(setting);
        }
        return conf;
    }
}
