package io.drsuite.console.pages.relationship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The relationship page's buttons follow relationship-service's lifecycle and the user's role, and the picture and
 * the dialogs name the real nodes: who streams from whom, what a switchover stops and promotes.
 */
class OperationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Function<String, String> VIEWER = role -> "needs the " + role
            + " role; you are signed in as viewer";
    private static final Function<String, String> OPERATOR = role -> "admin".equals(role)
            ? "needs the admin role; you are signed in as operator" : null;
    private static final Function<String, String> ADMIN = role -> null;

    @Test
    void anActiveRelationshipOffersSwitchoverToAnOperatorAndFailoverAndStopToAnAdminOnly() {
        Map<String, OperationButton> buttons = buttons(relationship("active", null), OPERATOR);
        assertNull(buttons.get("switchover").refusal());
        assertEquals("needs the admin role; you are signed in as operator", buttons.get("failover").refusal());
        assertEquals("needs the admin role; you are signed in as operator", buttons.get("stop").refusal());
        assertEquals("only after a failover; the relationship is active", buttons.get("reprotect").refusal());
        assertEquals("only in error; the relationship is active", buttons.get("resume").refusal());
        assertTrue(buttons(relationship("active", null), ADMIN).get("failover").enabled());
    }

    @Test
    void aViewerSeesEveryButtonDisabledWithTheRoleItNeeds() {
        buttons(relationship("active", null), VIEWER).values().forEach(button -> {
            assertTrue(button.refusal().startsWith("needs the " + button.role() + " role"), button.refusal());
        });
    }

    @Test
    void nothingStartsWhileAnOperationRuns() {
        Map<String, OperationButton> buttons = buttons(relationship("switching_over",
                new RelationshipDetail.RunningTask(UUID.randomUUID(), "dr.switchover", "promote-dr", 40)), ADMIN);
        assertEquals("not while a switchover runs", buttons.get("switchover").refusal());
        assertEquals("not while a switchover runs", buttons.get("stop").refusal());
        assertEquals("not while switching over", buttons(relationship("switching_over", null), ADMIN)
                .get("failover").refusal());
    }

    @Test
    void aFailedFailoverNeedsAnAdminToResumeAndFailingOverFromErrorIsForced() {
        RelationshipDetail inError = relationship("error", null);
        Map<String, OperationButton> buttons = Operations.of(inError, topology(), OPERATOR, "dr.failover").stream()
                .collect(java.util.stream.Collectors.toMap(OperationButton::operation, b -> b));
        assertEquals("needs the admin role; you are signed in as operator", buttons.get("resume").refusal());
        assertTrue(buttons(inError, ADMIN).get("failover").consequence().contains("forced"));
        assertEquals(Map.of("reason", "site lost", "force", true),
                OperationRequest.body("failover", inError, " site lost ", false));
    }

    @Test
    void theSwitchoverDialogNamesTheNodesItStopsAndPromotes() {
        String consequence = buttons(relationship("active", null), ADMIN).get("switchover").consequence();
        assertTrue(consequence.startsWith("prod-1 (127.0.0.1:15433) will be stopped cleanly; dr-1 (127.0.0.1:15435)"
                + " will be promoted; writes pause for about a second; dr becomes production"), consequence);
    }

    @Test
    void thePictureDrawsWhoStreamsFromWhom() {
        Topology topology = topology();
        assertEquals(List.of("prod-1>prod-2", "prod-1>dr-1", "dr-1>dr-2"), topology.streams().stream()
                .map(stream -> stream.from() + ">" + stream.to()).toList());
        assertEquals(List.of("primary", "standby", "main standby", "cascaded standby"),
                topology.nodes().stream().map(Topology.Node::role).toList());
        assertEquals(256L, topology.node("dr", "cascaded standby").orElseThrow().lagBytes());
        assertEquals("prod-2, dr-1", topology.listed().getFirst().streamsTo());
    }

    @Test
    void withoutAPollThePictureAssumesTheWayTheSuiteBuildsIt() throws Exception {
        Topology topology = Topology.of(cluster("prod", "prod-1", 15433, "prod-2", 15434), MissingNode.getInstance(),
                cluster("dr", "dr-1", 15435, "dr-2", 15436), MissingNode.getInstance(), true);
        assertEquals(List.of("prod-1>prod-2", "prod-1>dr-1", "dr-1>dr-2"), topology.streams().stream()
                .map(stream -> stream.from() + ">" + stream.to()).toList());
    }

    private static Map<String, OperationButton> buttons(RelationshipDetail relationship,
            Function<String, String> role) {
        return Operations.of(relationship, topology(), role, null).stream()
                .collect(java.util.stream.Collectors.toMap(OperationButton::operation, button -> button));
    }

    private static RelationshipDetail relationship(String phase, RelationshipDetail.RunningTask task) {
        return new RelationshipDetail(UUID.randomUUID(), "orders", phase, "async", "prod", "archive", "dr",
                "recovery", task, null, null, null);
    }

    private static Topology topology() {
        try {
            return Topology.of(cluster("prod", "prod-1", 15433, "prod-2", 15434), JSON.readTree("""
                    {"name":"prod","nodes":[
                      {"node":"prod-1","reachable":true,"inRecovery":false,"currentLsn":{"value":1280}},
                      {"node":"prod-2","reachable":true,"inRecovery":true,"receiveLsn":{"value":1280},
                       "replayLsn":{"value":1200},"upstream":"127.0.0.1:15433"}]}"""),
                    cluster("dr", "dr-1", 15435, "dr-2", 15436), JSON.readTree("""
                    {"name":"dr","nodes":[
                      {"node":"dr-1","reachable":true,"inRecovery":true,"receiveLsn":"0/500",
                       "upstream":"127.0.0.1:15433"},
                      {"node":"dr-2","reachable":true,"inRecovery":true,"replayLsn":{"value":1024},
                       "upstream":"127.0.0.1:15435"}]}"""), true);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode cluster(String name, String first, int firstPort, String second, int secondPort)
            throws Exception {
        return JSON.readTree("""
                {"id":"%s","name":"%s","nodes":[
                  {"name":"%s","host":"127.0.0.1","port":%d,"role":"primary"},
                  {"name":"%s","host":"127.0.0.1","port":%d,"role":"standby"}]}"""
                .formatted(UUID.randomUUID(), name, first, firstPort, second, secondPort));
    }
}
