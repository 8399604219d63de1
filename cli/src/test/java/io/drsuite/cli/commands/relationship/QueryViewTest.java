package io.drsuite.cli.commands.relationship;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drsuite.cli.output.OutputFormat;
import io.drsuite.cli.output.Printer;
import io.drsuite.cli.output.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QueryViewTest {

    private final ObjectMapper json = new ObjectMapper();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Terminal terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream()), false, false, 120);

    @Test
    void oneRelationshipAsGsDdrQueryShowsIt() throws Exception {
        QueryView.print(terminal, recorded());
        assertThat(printed()).contains(
                "Relationship shop  phase switching_over  async replication",
                "  CLUSTER  ROLE              STATE",
                "  prod     primary           switchover",
                "  dr       disaster_standby  switchover",
                "  Lag:          1048 bytes, 0.35 s behind (DR streaming)",
                "  RPO estimate: 0.00 s of writes would be lost by a failover now (sampled 2026-12-02T15:20:00.500Z)",
                "  Task:         dr-switchover running [##########..........] 50%: stop-primary  (task "
                        + "8d0e7f7a-56c1-4d6c-9a65-0c2b4fd0b9aa)",
                "  Switchover:   45%");
        assertThat(printed()).doesNotContain("Failover:", "Last error");
    }

    @Test
    void withoutHealthNorLiveLagItSaysSo() throws Exception {
        ObjectNode view = recorded();
        ((ObjectNode) view.get("relationship")).putObject("lag").put("drStreaming", false)
                .put("error", "timeout reading dr-1");
        view.putNull("health");
        view.putNull("task");
        ((ObjectNode) view.get("relationship")).putNull("currentTask");
        QueryView.print(terminal, view);
        assertThat(printed()).contains("  Lag:          unreadable: timeout reading dr-1",
                "  RPO estimate: unknown (monitor-service has no sample: not replicating, or not polled yet)").doesNotContain("Task:");
    }

    @Test
    void everyRelationshipInATableWhoseJsonIsTheCombinedDocuments() throws Exception {
        ArrayNode views = json.createArrayNode().add(recorded());
        new Printer(terminal, OutputFormat.table, json).list(views, QueryView.columns());
        assertThat(printed()).contains("NAME  PHASE           PRIMARY            DR               LAG              RPO     TASK",
                "shop  switching_over  prod (switchover)  dr (switchover)  1048 B / 0.35 s  0.00 s  "
                        + "dr-switchover 45% stop-primary");

        out.reset();
        new Printer(terminal, OutputFormat.json, json).list(views, QueryView.columns());
        JsonNode printed = json.readTree(printed());
        assertThat(printed.get(0).path("relationship").path("clusters").get(1).path("role").asText())
                .isEqualTo("disaster_standby");
        assertThat(printed.get(0).path("health").path("rpoEstimateSeconds").asDouble()).isZero();
    }

    @Test
    void theCombinedDocumentHasItsThreeKeysEvenWhenHealthAndTaskAreMissing() {
        ObjectNode view = QueryView.combine(json, json.createObjectNode().put("name", "shop"), null, null);
        assertThat(view.fieldNames()).toIterable().containsExactly("relationship", "health", "task");
        assertThat(view.get("health").isNull()).isTrue();
    }

    private ObjectNode recorded() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/query-switching-over.json")) {
            return (ObjectNode) json.readTree(in);
        }
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
