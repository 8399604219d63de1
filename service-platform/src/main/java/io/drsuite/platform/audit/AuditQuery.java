package io.drsuite.platform.audit;

import io.drsuite.platform.paging.Page;
import io.drsuite.platform.paging.PageRequest;
import io.quarkus.panache.common.Parameters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A search of the audit log, newest first. Each filter is optional; {@code target} matches the target and everything
 * under it ({@code relationships/42} finds {@code relationships/42} and {@code relationships/42/...}).
 */
public record AuditQuery(Instant from, Instant to, String actor, String target, String operation,
        UUID correlationId) {

    Page<AuditRecord> run(PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (page.afterNumber() != null) {
            where.add("id < :after");
            parameters.and("after", page.afterNumber());
        }
        if (from != null) {
            where.add("recordedAt >= :from");
            parameters.and("from", from);
        }
        if (to != null) {
            where.add("recordedAt < :to");
            parameters.and("to", to);
        }
        if (actor != null) {
            where.add("(actorName = :actor or actorSubject = :actor)");
            parameters.and("actor", actor);
        }
        if (target != null) {
            where.add("(target = :target or target like :under escape '\\')");
            parameters.and("target", target).and("under", likeEscaped(target) + "/%");
        }
        if (operation != null) {
            where.add("operation like :operation escape '\\'");
            parameters.and("operation", "%" + likeEscaped(operation) + "%");
        }
        if (correlationId != null) {
            where.add("correlationId = :correlationId");
            parameters.and("correlationId", correlationId);
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by id desc";
        List<AuditRecord> rows = AuditRecord.<AuditRecord>find(query, parameters)
                .page(0, page.limit() + 1).list();
        return Page.of(rows, page, record -> record.id.toString());
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
