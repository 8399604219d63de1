package io.drsuite.monitor.health;

import io.drsuite.monitor.model.RelationshipSample;
import io.drsuite.platform.paging.Keyset;
import java.time.Instant;

/**
 * One entry of a relationship's stored history. Oldest first, the per-minute rows come before every raw sample (a
 * minute is folded only from samples past the raw retention, and those are removed), so both read as one list with
 * one cursor: the moment and the raw sample's id, 0 for a per-minute row.
 */
public sealed interface HistoryPoint {

    /** The sort key of the point, for the cursor of the page it ends. */
    String key();

    /** The worst of one minute, for the time before the raw retention. */
    record Minute(Instant minute, int samples, Long maxLagBytes, Double maxLagSeconds,
            Double maxRpoEstimateSeconds, int brokenSamples) implements HistoryPoint {

        @Override
        public String key() {
            return Keyset.key(minute, 0);
        }
    }

    /** One stored sample, within the raw retention. */
    record Raw(RelationshipSample sample) implements HistoryPoint {

        @Override
        public String key() {
            return Keyset.key(sample.sampledAt, sample.id);
        }
    }
}
