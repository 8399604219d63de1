package io.drsuite.relationship.drill;

import io.drsuite.platform.paging.Page;
import io.drsuite.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A drill on a schedule: which relationship is rehearsed on which sandbox with which user checks, when (Unix cron,
 * UTC), and what its last due time gave (the drill it started or why none started). Each due time starts at most one
 * drill; a refused one is not retried before the next due time.
 */
@Entity
@Table(name = "drill_plan")
public class DrillPlan extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String relationship;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DrillKind kind = DrillKind.FAILOVER_REHEARSAL;

    /** Null for a switchover round trip, which needs no sandbox. */
    public String sandbox;

    /** For a restore test: the side whose backup is tested; null for production's. */
    public String cluster;

    /** Unix cron: minute hour day-of-month month day-of-week, in UTC. */
    @Column(nullable = false)
    public String schedule;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "user_checks", nullable = false)
    public List<UserCheck> userChecks = new ArrayList<>();

    @Column(nullable = false)
    public boolean suspended;

    /** The next due time; null while suspended or when the schedule never fires again. */
    @Column(name = "next_run_at")
    public Instant nextRunAt;

    /** When the scheduler last took a due time of this plan (whether a drill started or not). */
    @Column(name = "last_run_at")
    public Instant lastRunAt;

    @Column(name = "last_drill_id")
    public UUID lastDrillId;

    /** Why the last due time started no drill (the refusal's detail); null when it started one. */
    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<DrillPlan> findByName(String name) {
        return find("name", name).firstResultOptional();
    }

    public static Optional<DrillPlan> findByNameForUpdate(String name) {
        return find("name", name).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public static Optional<DrillPlan> findForUpdate(UUID id) {
        return Optional.ofNullable(findById(id, LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * The plan due longest ago at {@code now}, locked until the transaction ends; plans another scheduler holds are
     * passed over, so replicas never take the same due time.
     */
    public static Optional<DrillPlan> claimDue(Instant now) {
        List<?> due = getEntityManager().createNativeQuery("select * from drill_plan where not suspended and "
                + "next_run_at <= :now order by next_run_at, name limit 1 for update skip locked", DrillPlan.class)
                .setParameter("now", now).getResultList();
        return due.stream().map(DrillPlan.class::cast).findFirst();
    }

    public static Page<DrillPlan> pageByName(PageRequest page) {
        PanacheQuery<DrillPlan> query = page.after() == null ? find("order by name")
                : find("name > ?1 order by name", page.after());
        return Page.of(query.page(0, page.limit() + 1).list(), page, plan -> plan.name);
    }

    /** The request the plan's drill is started with. */
    public DrillRequest drillRequest() {
        return new DrillRequest(relationship, sandbox, kind.wireName(), List.copyOf(userChecks), cluster);
    }

    /** A due time was taken and started the drill. */
    public void started(Drill drill, Instant at, Instant next) {
        lastRunAt = at;
        lastDrillId = drill.id;
        lastError = null;
        nextRunAt = next;
    }

    /** A due time was taken but the drill was refused; the plan waits for its next due time. */
    public void refused(String reason, Instant at, Instant next) {
        lastRunAt = at;
        lastError = reason;
        nextRunAt = next;
    }
}
