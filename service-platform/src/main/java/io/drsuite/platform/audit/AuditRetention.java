package io.drsuite.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Removes audit records older than {@code drsuite.audit.retention} (400 days by default), and records that it did:
 * the pruning record names the hash of the last record removed, the anchor the remaining chain starts from, so
 * {@link AuditVerifier} can tell a pruning from a removal. The newest record is always kept, so the chain goes on.
 */
@ApplicationScoped
public class AuditRetention {

    static final String OPERATION = "prune audit records";

    private static final Logger LOG = Logger.getLogger(AuditRetention.class);

    private final AuditLog log;
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Duration retention;

    AuditRetention(AuditLog log, EntityManager entityManager, ObjectMapper json,
            @ConfigProperty(name = "drsuite.audit.retention", defaultValue = "400d") Duration retention) {
        this.log = log;
        this.entityManager = entityManager;
        this.json = json;
        this.retention = retention;
    }

    @Scheduled(every = "${drsuite.audit.prune-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void pruneExpired() {
        pruneRecordedBefore(Instant.now().minus(retention));
    }

    /**
     * Removes the records written before {@code before}, except the newest, and appends the pruning record.
     *
     * @return the pruning record, or empty when nothing was old enough
     */
    @Transactional
    public Optional<AuditRecord> pruneRecordedBefore(Instant before) {
        log.lockChain();
        List<?> last = entityManager.createNativeQuery("select id, hash from audit_record where recorded_at < ?1 "
                + "and id < (select max(id) from audit_record) order by id desc limit 1")
                .setParameter(1, before)
                .getResultList();
        if (last.isEmpty()) {
            return Optional.empty();
        }
        Object[] through = (Object[]) last.get(0);
        long throughId = ((Number) through[0]).longValue();
        String anchor = (String) through[1];
        entityManager.createNativeQuery("select set_config('drsuite.audit_pruning', 'on', true)").getSingleResult();
        int removed = entityManager.createNativeQuery("delete from audit_record where id <= ?1")
                .setParameter(1, throughId)
                .executeUpdate();
        entityManager.createNativeQuery("select set_config('drsuite.audit_pruning', 'off', true)").getSingleResult();
        AuditRecord record = log.record(new AuditEntry(OPERATION, "audit", AuditOutcome.ACCEPTED, null, null,
                "retention " + retention.toDays() + " days", null, null, AuditEntry.SUITE, null, List.of(), null,
                null, detail(new PruningDetail(throughId, anchor, removed, before))));
        LOG.infof("Audit log: %d records written before %s removed (through #%d); the chain now starts from %s",
                removed, before, throughId, anchor);
        return Optional.of(record);
    }

    /** What a pruning record keeps in its detail. */
    record PruningDetail(long throughId, String anchorHash, int removed, Instant recordedBefore) {
    }

    private String detail(PruningDetail detail) {
        try {
            return json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<PruningDetail> readDetail(AuditRecord record) {
        if (!OPERATION.equals(record.operation) || record.detail == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(record.detail, PruningDetail.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
