package io.drsuite.platform.audit;

import io.drsuite.events.audit.AuditEvents;
import io.drsuite.platform.origin.ChangeOrigin;
import io.drsuite.platform.outbox.EventOutbox;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A service's audit log: appends records to its hash chain and publishes each on {@code drsuite.audit} through the
 * outbox, in the same transaction.
 *
 * <p>Appends are serialised by a lock on the table (all replicas of the service share it), so every record links
 * to the one before it.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class);

    private final EntityManager entityManager;
    private final EventOutbox outbox;
    private final MeterRegistry registry;
    private final String service;

    AuditLog(EntityManager entityManager, EventOutbox outbox, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.registry = registry;
        this.service = service;
    }

    /** Appends a record: in the caller's transaction when there is one (a change made from an event), else its own. */
    @Transactional
    public AuditRecord record(AuditEntry entry) {
        lockChain();
        AuditRecord record = AuditRecord.of(entry, service, Instant.now(), headHash());
        record.persist();
        entityManager.flush();
        outbox.record(AuditEvents.RECORDED, service, record.toEvent(),
                new ChangeOrigin(entry.correlationId(), entry.actorName()));
        registry.counter("drsuite.audit.records", "outcome", record.outcome).increment();
        return record;
    }

    /** An audit record that could not be written: logged loudly and counted, never silently dropped. */
    void writeFailed(AuditEntry entry, RuntimeException failure) {
        registry.counter("drsuite.audit.write.failures").increment();
        LOG.errorf(failure, "AUDIT RECORD LOST: %s %s by %s (%s, status %s, correlation id %s) could not be written",
                entry.operation(), entry.target(), entry.actorName(), entry.outcome().label(), entry.status(),
                entry.correlationId());
    }

    /** Takes the chain's lock for the rest of the transaction. */
    void lockChain() {
        entityManager.createNativeQuery("lock table audit_record in exclusive mode").executeUpdate();
    }

    /** The hash of the newest record, or the genesis hash of an empty log. */
    String headHash() {
        List<?> newest = entityManager.createNativeQuery("select hash from audit_record order by id desc limit 1")
                .getResultList();
        return newest.isEmpty() ? AuditChain.GENESIS : (String) newest.get(0);
    }
}
