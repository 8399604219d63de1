package io.drsuite.console.pages.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The five services keep their own audit logs; the page shows them as one, as {@code drctl audit} does: newest
 * first by the time recorded (a record's id, then its service, break ties so the order is stable), cut to the limit.
 */
final class AuditMerge {

    private static final Comparator<AuditRow> NEWEST_FIRST = Comparator
            .comparing((AuditRow row) -> row.recordedAt() == null ? Instant.EPOCH : row.recordedAt()).reversed()
            .thenComparing(Comparator.comparingLong(AuditRow::id).reversed())
            .thenComparing(row -> row.service() == null ? "" : row.service());

    private AuditMerge() {
    }

    static List<AuditRow> newestFirst(Collection<List<AuditRow>> logs, int limit) {
        List<AuditRow> all = new ArrayList<>();
        logs.forEach(all::addAll);
        all.sort(NEWEST_FIRST);
        return all.stream().limit(limit).toList();
    }
}
