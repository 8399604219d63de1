package io.drsuite.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Walks a service's audit chain from its oldest record to its newest and reports the first one that is wrong. */
@ApplicationScoped
public class AuditVerifier {

    private static final int BATCH = 1000;

    private final AuditRetention retention;
    private final EntityManager entityManager;

    AuditVerifier(AuditRetention retention, EntityManager entityManager) {
        this.retention = retention;
        this.entityManager = entityManager;
    }

    @Transactional
    public AuditVerification verify() {
        Set<String> anchors = anchors();
        long checked = 0;
        Long firstId = null;
        AuditRecord previous = null;
        String startsFrom = "genesis";
        long after = Long.MIN_VALUE;
        while (true) {
            List<AuditRecord> batch = AuditRecord.<AuditRecord>find("id > ?1 order by id", after)
                    .page(0, BATCH).list();
            for (AuditRecord record : batch) {
                checked++;
                if (previous == null) {
                    firstId = record.id;
                    if (!AuditChain.GENESIS.equals(record.previousHash)) {
                        if (!anchors.contains(record.previousHash)) {
                            return broken(checked, firstId, record, "record #" + record.id + " is the oldest, but "
                                    + "no pruning record names the record before it: records were removed");
                        }
                        startsFrom = "pruning";
                    }
                } else if (!previous.hash.equals(record.previousHash)) {
                    return broken(checked, firstId, record, "record #" + record.id + " does not follow #"
                            + previous.id + ": a record between them was removed, or this one was inserted");
                }
                if (!AuditChain.intact(record)) {
                    return broken(checked, firstId, record, "record #" + record.id + " does not match its hash: "
                            + "it was changed after it was written");
                }
                previous = record;
            }
            if (batch.size() < BATCH) {
                break;
            }
            after = previous.id;
            entityManager.clear();
        }
        return new AuditVerification(true, checked, firstId, previous == null ? null : previous.id,
                previous == null ? AuditChain.GENESIS : previous.hash, startsFrom, null, null);
    }

    private Set<String> anchors() {
        Set<String> anchors = new HashSet<>();
        AuditRecord.<AuditRecord>list("operation", AuditRetention.OPERATION)
                .forEach(record -> retention.readDetail(record).ifPresent(d -> anchors.add(d.anchorHash())));
        return anchors;
    }

    private static AuditVerification broken(long checked, Long firstId, AuditRecord record, String problem) {
        return new AuditVerification(false, checked, firstId, null, null, null, record.id, problem);
    }
}
