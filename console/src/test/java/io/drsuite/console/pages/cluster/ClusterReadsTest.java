package io.drsuite.console.pages.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A cluster's nodes joined with monitor-service's latest poll: lag from the primary's position, sync state from its standbys. */
class ClusterReadsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aStandbysLagAndSyncStateComeFromThePrimarysPoll() throws Exception {
        JsonNode view = json.readTree("""
                {"id": "0b6f3c52-6a55-4d39-9b55-6f4f1f1f1f1f", "name": "prod", "serverVersion": "17.2",
                 "nodes": [{"name": "prod-1", "host": "127.0.0.1", "port": 15433, "role": "primary",
                            "access": {"kind": "local"}},
                           {"name": "prod-2", "host": "127.0.0.1", "port": 15434, "role": "standby",
                            "access": {"kind": "local"}}],
                 "synchronousStandbys": {"count": 1, "nodes": ["prod-2"]}, "operation": null,
                 "lastOperation": {"taskId": "1b6f3c52-6a55-4d39-9b55-6f4f1f1f1f1f", "type": "cluster.switchover",
                                   "result": "succeeded", "error": null, "endedAt": "2026-01-01T10:00:00Z"}}
                """);
        JsonNode primary = json.readTree("""
                {"node": "prod-1", "reachable": true, "inRecovery": false, "currentLsn": {"value": 50331744},
                 "sampledAt": "2026-01-01T10:00:01Z",
                 "standbys": [{"applicationName": "drsuite_node_prod_2", "state": "streaming", "syncState": "quorum",
                               "replayLagSeconds": 0.004}]}
                """);
        JsonNode standby = json.readTree("""
                {"node": "prod-2", "reachable": true, "inRecovery": true, "replayLsn": {"value": 50331648},
                 "walReceiver": "streaming", "sampledAt": "2026-01-01T10:00:01Z"}
                """);
        ClusterDetail detail = ClusterReads.detail(view, Map.of("prod-1", primary, "prod-2", standby), null);

        ClusterNode two = detail.node("prod-2").orElseThrow();
        assertThat(two.lagBytes()).isEqualTo(96L);
        assertThat(two.syncState()).isEqualTo("quorum");
        assertThat(two.replayLagSeconds()).isEqualTo(0.004);
        assertThat(two.reachable()).isTrue();
        assertThat(detail.primary().orElseThrow().lagBytes()).isNull();
        assertThat(detail.lastOperation().result()).isEqualTo("succeeded");
        assertThat(ClusterReads.lsn(json.readTree("\"0/3000060\""))).isEqualTo(0x3000060L);
    }
}
