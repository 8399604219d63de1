package io.drsuite.cli.commands.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

class StepDurationsTest {

    @Test
    void aFinishedStepShowsItsDurationAndARunningOneNone() {
        assertThat(StepDurations.between(TextNode.valueOf("2026-12-02T10:00:00Z"),
                TextNode.valueOf("2026-12-02T10:00:01.250Z"))).isEqualTo("1.25 s");
        assertThat(StepDurations.between(TextNode.valueOf("2026-12-02T10:00:00Z"),
                new ObjectMapper().nullNode())).isEmpty();
    }

    @Test
    void artifactsReadAsPairsInTheApisOrder() throws Exception {
        assertThat(StepDurations.artifacts(new ObjectMapper().readTree(
                "{\"checkpointLsn\": \"0/3000028\", \"node\": \"prod-1\"}")))
                .isEqualTo("checkpointLsn=0/3000028, node=prod-1");
        assertThat(StepDurations.artifacts(new ObjectMapper().nullNode())).isEmpty();
    }
}
