package io.drsuite.cli.commands.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditMergeTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theServicesLogsReadAsOneNewestFirstCutToTheLimit() throws Exception {
        JsonNode snapshots = json.readTree("""
                [{"id": 7, "service": "snapshot-service", "recordedAt": "2026-12-02T10:00:05Z"},
                 {"id": 6, "service": "snapshot-service", "recordedAt": "2026-12-02T10:00:01Z"}]""");
        JsonNode bin = json.readTree("""
                [{"id": 3, "service": "recyclebin-service", "recordedAt": "2026-12-02T10:00:03.5Z"},
                 {"id": 2, "service": "recyclebin-service", "recordedAt": "2026-12-02T09:59:00Z"}]""");

        JsonNode merged = AuditMerge.newestFirst(List.of(snapshots, bin, json.createArrayNode()), 3);

        List<String> order = new ArrayList<>();
        merged.forEach(record -> order.add(record.path("service").asText() + "#" + record.path("id").asInt()));
        assertThat(order).containsExactly("snapshot-service#7", "recyclebin-service#3", "snapshot-service#6");
    }
}
