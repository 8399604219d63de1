package io.drsuite.console.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.drsuite.console.projection.RelationshipCard.Health;
import io.drsuite.events.health.RelationshipHealthChanged;
import io.drsuite.events.relationship.RelationshipChanged;
import io.drsuite.events.task.TaskFinished;
import io.drsuite.events.task.TaskProgressed;
import io.drsuite.events.task.TaskResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The projection's rules, without Kafka: events are applied once, in the order of when they were true. */
class RelationshipBoardTest {

    private static final Instant T0 = Instant.parse("2026-12-01T03:00:00Z");

    private final RelationshipBoard board = new RelationshipBoard();
    private final UUID id = UUID.randomUUID();

    @Test
    void anOlderRelationshipEventDoesNotOverwriteANewerOne() {
        assertTrue(board.apply(changed("switching_over", "prod", "dr", T0.plusSeconds(10))));
        assertFalse(board.apply(changed("active", "prod", "dr", T0)));
        assertEquals("switching_over", board.find(id).orElseThrow().phase());
        assertFalse(board.apply(changed("switching_over", "prod", "dr", T0.plusSeconds(10))), "the same again");
        assertTrue(board.apply(changed("active", "dr", "prod", T0.plusSeconds(20))));
        RelationshipCard card = board.find(id).orElseThrow();
        assertEquals("dr", card.primaryCluster());
        assertEquals("healthy", card.condition());
    }

    @Test
    void healthAndTheRunningOperationArePartsOfTheirOwn() {
        board.apply(changed("active", "prod", "dr", T0));
        UUID task = UUID.randomUUID();
        assertTrue(board.apply(new TaskProgressed(task, "switchover", id.toString(), "stop_primary", "running", 30,
                T0.plusSeconds(2))));
        assertFalse(board.apply(new TaskProgressed(task, "switchover", id.toString(), "check", "succeeded", 10,
                T0.plusSeconds(1))), "an older step");
        assertEquals("stop_primary", board.find(id).orElseThrow().operation().step());
        assertEquals("busy", board.find(id).orElseThrow().condition());
        assertTrue(board.apply(new RelationshipHealthChanged(id, "archive_fail", "recovery_fail", 4096L,
                T0.plusSeconds(3))));
        assertEquals("busy", board.find(id).orElseThrow().condition(), "a planned operation breaks the stream itself");
        assertTrue(board.apply(new TaskFinished(task, "switchover", id.toString(), TaskResult.SUCCEEDED, null, null,
                false, Map.of(), T0.plusSeconds(4))));
        assertNull(board.find(id).orElseThrow().operation());
        assertEquals("critical", board.find(id).orElseThrow().condition(), "broken with nothing running");
    }

    @Test
    void tasksOfOtherTargetsAndEventsOfUnknownRelationshipsChangeNothing() {
        assertFalse(board.apply(new TaskProgressed(UUID.randomUUID(), "backup", "prod", "copy", "running", 5, T0)));
        assertFalse(board.apply(id, new Health(1L, 0.1, 0.1, "archive", "recovery", T0)));
        assertTrue(board.all().isEmpty());
    }

    @Test
    void aSeedKeepsWhatEventsSaidLaterAndDropsWhatTheServiceNoLongerHas() {
        board.apply(changed("switching_over", "prod", "dr", T0.plusSeconds(10)));
        UUID gone = UUID.randomUUID();
        board.apply(new RelationshipChanged(gone, "old", "active", "a", "b", "async", "archive", "recovery", T0));
        RelationshipCard readEarlier = new RelationshipCard(id, "shop", "active", "async", "prod", "archive", "dr",
                "recovery", T0, new Health(0L, 0.0, 0.0, "archive", "recovery", T0.plusSeconds(11)), null);
        board.seedAll(List.of(readEarlier));
        RelationshipCard card = board.find(id).orElseThrow();
        assertEquals("switching_over", card.phase(), "the event was newer than the read");
        assertEquals(0L, card.health().lagBytes(), "the read's health was newer than any event's");
        assertFalse(board.knows(gone));
    }

    private RelationshipChanged changed(String phase, String primary, String dr, Instant at) {
        return new RelationshipChanged(id, "shop", phase, primary, dr, "async", "archive", "recovery", at);
    }
}
