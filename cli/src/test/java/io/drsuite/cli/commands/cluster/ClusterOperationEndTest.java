package io.drsuite.cli.commands.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ClusterOperationEndTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theClusterRunsTheTaskOnlyWhileItsOperationNamesIt() throws Exception {
        assertThat(ClusterOperationEnd.runs(json.readTree("{\"operation\": {\"taskId\": \"t-1\"}}"), "t-1")).isTrue();
        assertThat(ClusterOperationEnd.runs(json.readTree("{\"operation\": {\"taskId\": \"t-2\"}}"), "t-1")).isFalse();
        assertThat(ClusterOperationEnd.runs(json.readTree("{\"operation\": null}"), "t-1")).isFalse();
        assertThat(ClusterOperationEnd.runs(json.readTree("{}"), "t-1")).isFalse();
    }
}
