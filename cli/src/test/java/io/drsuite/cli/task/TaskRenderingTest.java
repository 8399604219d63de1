package io.drsuite.cli.task;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drsuite.cli.output.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** From tasks as task-service's GET /api/v1/tasks/{id} answered them. */
class TaskRenderingTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private static JsonNode recorded(String name) throws IOException {
        try (InputStream json = TaskRenderingTest.class.getResourceAsStream("/tasks/" + name)) {
            return new ObjectMapper().readTree(json);
        }
    }

    private TaskRendering rendering(boolean interactive, boolean colour) {
        return new TaskRendering(new Terminal(new PrintStream(out, true, UTF_8), new PrintStream(out, true, UTF_8),
                interactive, colour, 100));
    }

    private String printed() {
        return out.toString(UTF_8);
    }

    @Test
    void aSucceededSwitchoverReadsLikeGsDdrWithTheWriteOutage() throws IOException {
        JsonNode task = recorded("switchover-succeeded.json");
        TaskRendering rendering = rendering(false, false);

        int shown = rendering.update(task, 0, new HashSet<>());
        rendering.summary(task);

        assertThat(shown).isEqualTo(5);
        assertThat(printed()).contains(
                "Task 7c1f4a52-27a8-4d3e-9f0e-3c58b0b1e001  dr-switchover of ",
                "Successfully completed check-ready: DR main standby streams and lags 0 bytes (0.20 s)\n",
                "Successfully completed prepare-new-primary (0.20 s)\n",
                "Successfully stopped prod-1; shutdown checkpoint at 0/3000028 (0.41 s)\n",
                "Successfully promoted dr-1; it accepts writes (0.65 s)\n",
                "Successfully completed demote-old-primary: prod-1 restarted as a standby of dr-1 (3.75 s)\n",
                "Done: dr-switchover of ", " succeeded in 6.25 s\n",
                "  writes paused about 1.25 s (the old primary stopped -> the new one accepted writes)\n")
                .doesNotContain("\u001b", "data loss", "Failed",
                        // a finished step's last message is said once, by its step line
                        "    stop-primary: stopped prod-1");
        assertThat(printed().lines().filter(line -> line.startsWith("Successfully"))).hasSize(8);
    }

    @Test
    void aFailedFailoverNamesTheStepTheErrorHowToResumeAndTheDataLoss() throws IOException {
        JsonNode task = recorded("failover-failed.json");
        TaskRendering rendering = rendering(false, false);

        rendering.update(task, 0, new HashSet<>());
        rendering.summary(task);

        assertThat(printed()).contains(
                "Successfully fenced prod-1: stopped (fast), refuses connections (1.00 s)\n",
                "Failed detach-dr: dr-1: connection refused (1.00 s)\n",
                "Failed: dr-failover of ", " failed after 3.00 s\n",
                "  failed step: detach-dr\n",
                "  error: dr-1: connection refused\n",
                "  resume it at the failed step: drctl task resume 9d2e4a52-27a8-4d3e-9f0e-3c58b0b1e003\n",
                "  estimated data loss: 8192 bytes (WAL the old primary had and the new one never received)\n")
                .doesNotContain("\u001b", "writes paused", "point-dns");
    }

    @Test
    void eachStepAndLogLineIsShownOnceAcrossPolls() throws IOException {
        ObjectNode task = (ObjectNode) recorded("switchover-succeeded.json");
        TaskRendering rendering = rendering(false, false);
        Set<String> reported = new HashSet<>();

        int shown = rendering.update(task, 0, reported);
        rendering.update(task, shown, reported);

        assertThat(printed().lines().filter(line -> line.contains("stopped prod-1"))).hasSize(1);
    }

    @Test
    void aRunningStepsLogIsShownAsItComesAndItsStepLineAfterIt() throws IOException {
        ObjectNode task = (ObjectNode) recorded("switchover-succeeded.json");
        ObjectNode stopPrimary = null;
        for (JsonNode step : task.path("steps")) {
            if (step.path("name").asText().equals("stop-primary")) {
                stopPrimary = (ObjectNode) step;
            }
        }
        stopPrimary.put("state", "running");
        TaskRendering rendering = rendering(false, false);
        Set<String> reported = new HashSet<>();

        int shown = rendering.update(task, 0, reported);
        stopPrimary.put("state", "succeeded");
        rendering.update(task, shown, reported);

        String printed = printed();
        assertThat(printed).contains("    stop-primary: stopped prod-1; shutdown checkpoint at 0/3000028\n");
        assertThat(printed.indexOf("    stop-primary: stopped prod-1"))
                .isLessThan(printed.indexOf("Successfully stopped prod-1"));
        assertThat(printed.indexOf("Successfully completed check-ready"))
                .isLessThan(printed.indexOf("    stop-primary: stopped prod-1"));
    }

    @Test
    void onATerminalWithColoursTheLinesArePaintedAndTheBarIsDrawnInPlace() throws IOException {
        ObjectNode task = (ObjectNode) recorded("switchover-succeeded.json");
        task.put("state", "running").put("percent", 40).put("currentStep", "verify-dr-caught-up");
        TaskRendering rendering = rendering(true, true);

        rendering.update(task, 0, new HashSet<>());

        assertThat(printed()).contains("\u001b[32mSuccessfully \u001b[0mstopped prod-1",
                "[############..................]  40%  running: verify-dr-caught-up");
        assertThat(printed()).doesNotEndWith("\n");
    }

    @Test
    void withoutColoursATerminalGetsTheBarButNoEscapeCodesButTheLineClear() throws IOException {
        ObjectNode task = (ObjectNode) recorded("switchover-succeeded.json");
        task.put("state", "running").put("percent", 40);
        TaskRendering rendering = rendering(true, false);

        rendering.update(task, 0, new HashSet<>());
        task.put("state", "succeeded");
        rendering.summary(task);

        assertThat(printed()).doesNotContain("\u001b[3", "\u001b[1m", "\u001b[2m", "\u001b[0m")
                .contains("\r\u001b[KDone: dr-switchover of ");
    }
}
