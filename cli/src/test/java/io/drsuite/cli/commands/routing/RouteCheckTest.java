package io.drsuite.cli.commands.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteCheckTest {

    private static final RouteCheck.Answer PRIMARY = new RouteCheck.Answer(200, "primary");
    private static final RouteCheck.Answer STANDBY = new RouteCheck.Answer(503, "standby");
    private static final RouteCheck.Answer REPLICA = new RouteCheck.Answer(200, "replica");
    private static final RouteCheck.Answer NOT_REPLICA = new RouteCheck.Answer(503, "primary");
    private static final RouteCheck.Answer UNREACHABLE = new RouteCheck.Answer(503, "unreachable");

    @Test
    void healthyWhenExactlyOneNodeAnswersAsThePrimary() {
        RouteCheck check = new RouteCheck("prod", List.of(
                new RouteCheck.NodeAnswers("prod-1", "standby", STANDBY, REPLICA),
                new RouteCheck.NodeAnswers("prod-2", "primary", PRIMARY, NOT_REPLICA)));

        assertThat(check.healthy()).isTrue();
        assertThat(check.primaries()).containsExactly("prod-2");
        assertThat(check.verdict()).isEqualTo("prod-2 answers as the primary of prod");
    }

    @Test
    void noPrimaryAndTwoPrimariesAreBothUnhealthy() {
        RouteCheck none = new RouteCheck("prod", List.of(
                new RouteCheck.NodeAnswers("prod-1", "primary", UNREACHABLE, UNREACHABLE),
                new RouteCheck.NodeAnswers("prod-2", "standby", STANDBY, REPLICA)));
        RouteCheck split = new RouteCheck("prod", List.of(
                new RouteCheck.NodeAnswers("prod-1", "primary", PRIMARY, NOT_REPLICA),
                new RouteCheck.NodeAnswers("prod-2", "standby", PRIMARY, NOT_REPLICA)));

        assertThat(none.healthy()).isFalse();
        assertThat(none.verdict()).startsWith("no node of prod answers as the primary");
        assertThat(split.healthy()).isFalse();
        assertThat(split.verdict()).startsWith("2 nodes of prod answer as the primary (prod-1, prod-2)");
    }

    @Test
    void theJsonDocumentHasTheVerdictAndBothAnswersOfEachNode() {
        RouteCheck check = new RouteCheck("prod", List.of(
                new RouteCheck.NodeAnswers("prod-1", "standby", STANDBY, REPLICA),
                new RouteCheck.NodeAnswers("prod-2", "primary", PRIMARY, NOT_REPLICA)));

        JsonNode json = check.toJson(new ObjectMapper());

        assertThat(json.path("cluster").asText()).isEqualTo("prod");
        assertThat(json.path("healthy").asBoolean()).isTrue();
        assertThat(json.path("primaries").toString()).isEqualTo("[\"prod-2\"]");
        assertThat(json.path("nodes")).hasSize(2);
        JsonNode first = json.path("nodes").get(0);
        assertThat(first.path("name").asText()).isEqualTo("prod-1");
        assertThat(first.path("role").asText()).isEqualTo("standby");
        assertThat(first.path("primary").path("status").asInt()).isEqualTo(503);
        assertThat(first.path("primary").path("answer").asText()).isEqualTo("standby");
        assertThat(first.path("replica").path("status").asInt()).isEqualTo(200);
        assertThat(first.path("replica").path("answer").asText()).isEqualTo("replica");
    }
}
