package io.drsuite.cli.commands.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.cli.config.Service;
import org.junit.jupiter.api.Test;

class ResumeRouteTest {

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode task(String document) throws Exception {
        return json.readTree(document);
    }

    @Test
    void aTaskOfADrRelationshipIsResumedThroughTheRelationship() throws Exception {
        ResumeRoute route = ResumeRoute.of(task("""
                {"id": "t-1", "type": "dr.switchover", "target": "9b8a",
                 "parameters": {"relationshipId": "9b8a-id", "relationshipName": "shop"}}"""));

        assertThat(route.service()).isEqualTo(Service.RELATIONSHIP);
        assertThat(route.path()).hasToString("/api/v1/relationships/9b8a-id/resume");
        assertThat(route.owner()).isEqualTo("relationship shop");
    }

    @Test
    void aClusterOperationIsResumedThroughTheCluster() throws Exception {
        ResumeRoute route = ResumeRoute.of(task("""
                {"id": "t-2", "type": "cluster.switchover", "target": "prod",
                 "parameters": {"cluster": "prod east"}}"""));

        assertThat(route.service()).isEqualTo(Service.RELATIONSHIP);
        assertThat(route.path()).hasToString("/api/v1/clusters/prod%20east/resume");
    }

    @Test
    void anyOtherTaskIsResumedByTaskService() throws Exception {
        ResumeRoute route = ResumeRoute.of(task("""
                {"id": "5e0f", "type": "snapshot.logical", "target": "prod",
                 "parameters": {"cluster": "prod", "snapshotId": "ab"}}"""));

        assertThat(route.service()).isEqualTo(Service.TASK);
        assertThat(route.path()).hasToString("/api/v1/tasks/5e0f/resume");
    }
}
