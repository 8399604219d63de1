package io.drsuite.clusterclient.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HbaBlockTest {

    private static final String ORIGINAL = """
            # TYPE  DATABASE     USER  ADDRESS       METHOD
            local   all          all                 trust
            host    all          all   127.0.0.1/32  scram-sha-256
            """;

    private final HbaBlock first = new HbaBlock("rel-1", List.of(HbaBlock.replicationLine("replicator", "10.0.0.5"),
            HbaBlock.databaseLine("replicator", "10.0.0.5")));

    @Test
    void blockGoesFirstBetweenMarkers() {
        String applied = first.applyTo(ORIGINAL);
        assertEquals("""
                # BEGIN drsuite rel-1
                host replication replicator 10.0.0.5/32 scram-sha-256
                host all replicator 10.0.0.5/32 scram-sha-256
                # END drsuite rel-1
                """ + ORIGINAL, applied);
    }

    @Test
    void applyingAgainReplacesTheBlock() {
        HbaBlock changed = new HbaBlock("rel-1", List.of(HbaBlock.replicationLine("replicator", "10.0.0.6")));
        String twice = changed.applyTo(first.applyTo(ORIGINAL));
        assertEquals("""
                # BEGIN drsuite rel-1
                host replication replicator 10.0.0.6/32 scram-sha-256
                # END drsuite rel-1
                """ + ORIGINAL, twice);
        assertEquals(twice, changed.applyTo(twice));
    }

    @Test
    void removingRestoresTheOriginal() {
        assertEquals(ORIGINAL, first.removeFrom(first.applyTo(ORIGINAL)));
        assertEquals(ORIGINAL, first.removeFrom(ORIGINAL));
        String noTrailingNewline = "local all all trust";
        assertEquals(noTrailingNewline, first.removeFrom(first.applyTo(noTrailingNewline)));
    }

    @Test
    void blocksOfOtherOwnersStay() {
        HbaBlock second = new HbaBlock("rel-2", List.of(HbaBlock.replicationLine("replicator", "10.0.0.7")));
        String both = second.applyTo(first.applyTo(ORIGINAL));
        assertTrue(both.startsWith("# BEGIN drsuite rel-2\n"), both);
        assertEquals(first.applyTo(ORIGINAL), second.removeFrom(both));
        assertEquals(second.applyTo(ORIGINAL), first.removeFrom(both));
    }

    @Test
    void anOwnerWhoseNameStartsAnotherOwnersNameTouchesOnlyItsOwnBlock() {
        HbaBlock longer = new HbaBlock("rel-10", List.of(HbaBlock.replicationLine("replicator", "10.0.0.10")));
        String withLonger = longer.applyTo(ORIGINAL);
        assertEquals(withLonger, first.removeFrom(withLonger));
        String both = first.applyTo(withLonger);
        assertEquals(withLonger, first.removeFrom(both));
        assertEquals(first.applyTo(ORIGINAL), longer.removeFrom(both));
    }

    @Test
    void addressesForHostsAndNetworks() {
        assertEquals("host replication r 10.1.2.3/32 scram-sha-256", HbaBlock.replicationLine("r", "10.1.2.3"));
        assertEquals("host all r fd00::5/128 scram-sha-256", HbaBlock.databaseLine("r", "fd00::5"));
        assertEquals("host all r db2.example.com scram-sha-256", HbaBlock.databaseLine("r", "db2.example.com"));
    }

    @Test
    void rejectsOwnersAndLinesThatCouldBreakTheFile() {
        assertThrows(IllegalArgumentException.class, () -> new HbaBlock("Rel 1", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new HbaBlock("rel\n", List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new HbaBlock("rel-1", List.of("host all all 0.0.0.0/0 trust\nhost all all ::/0 trust")));
        assertThrows(IllegalArgumentException.class,
                () -> new HbaBlock("rel-1", List.of("host all all 0.0.0.0/0 trust # END drsuite rel-1")));
    }
}
