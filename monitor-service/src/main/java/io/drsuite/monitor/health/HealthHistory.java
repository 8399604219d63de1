package io.drsuite.monitor.health;

import io.drsuite.monitor.model.RelationshipSample;
import io.drsuite.platform.paging.Keyset;
import io.drsuite.platform.paging.KeysetQuery;
import io.drsuite.platform.paging.Page;
import io.drsuite.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A relationship's stored history between two instants, oldest first and a page at a time: the per-minute rows, then
 * the raw samples (see {@link HistoryPoint}). A page counts both.
 */
@ApplicationScoped
public class HealthHistory {

    private static final String MINUTES = """
            select extract(epoch from minute)::float8, samples, max_lag_bytes, max_lag_seconds, max_rpo_estimate_seconds, broken_samples
              from relationship_sample_minute
             where relationship_id = :id and minute >= :from and minute <= :to%s
             order by minute""";

    @Transactional
    public Page<HistoryPoint> between(UUID relationshipId, Instant from, Instant to, PageRequest page) {
        Keyset<Long> after = Keyset.after(page, Long::parseLong);
        int rows = page.limit() + 1;
        List<HistoryPoint> points = new ArrayList<>(minutes(relationshipId, from, to, after, rows));
        if (points.size() < rows) {
            points.addAll(samples(relationshipId, from, to, after, rows - points.size()));
        }
        return Page.of(points, page, HistoryPoint::key);
    }

    /** After the position of the previous page when there is one: a minute, or a raw sample (no minute then). */
    private static List<HistoryPoint.Minute> minutes(UUID id, Instant from, Instant to, Keyset<Long> after,
            int rows) {
        var query = RelationshipSample.getEntityManager()
                .createNativeQuery(MINUTES.formatted(after == null ? "" : " and minute > :after"))
                .setParameter("id", id).setParameter("from", from).setParameter("to", to).setMaxResults(rows);
        if (after != null) {
            query.setParameter("after", after.at());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> found = query.getResultList();
        return found.stream().map(row -> new HistoryPoint.Minute(
                Instant.ofEpochMilli(Math.round(((Number) row[0]).doubleValue() * 1000)),
                ((Number) row[1]).intValue(), row[2] == null ? null : ((Number) row[2]).longValue(),
                row[3] == null ? null : ((Number) row[3]).doubleValue(),
                row[4] == null ? null : ((Number) row[4]).doubleValue(), ((Number) row[5]).intValue())).toList();
    }

    private static List<HistoryPoint.Raw> samples(UUID id, Instant from, Instant to, Keyset<Long> after, int rows) {
        KeysetQuery query = KeysetQuery.oldestFirst("sampledAt", "id").whereEqual("relationshipId", id)
                .where("sampledAt >= :from", "from", from).where("sampledAt <= :to", "to", to).after(after);
        return RelationshipSample.<RelationshipSample>find(query.jpql(), query.parameters()).page(0, rows).list()
                .stream().map(HistoryPoint.Raw::new).toList();
    }
}
