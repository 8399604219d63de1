package io.drsuite.snapshot.model;

import io.drsuite.platform.paging.Keyset;
import io.drsuite.platform.paging.KeysetQuery;
import io.drsuite.platform.paging.Page;
import io.drsuite.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A restore test drill handed over by relationship-service: which snapshot it restores, to what, and how it went.
 * One per drill; its {@link RestoreTestState} changes through the methods below.
 */
@Entity
@Table(name = "restore_test")
public class RestoreTest extends PanacheEntityBase {

    @Id
    @Column(name = "drill_id")
    public UUID drillId;

    @Column(name = "task_id", nullable = false)
    public UUID taskId;

    @Column(nullable = false)
    public String cluster;

    /** Null when there was nothing to restore and the test was refused. */
    @Column(name = "snapshot_id")
    public UUID snapshotId;

    @Convert(converter = RestoreTestTargetConverter.class)
    public RestoreTestTarget target;

    @Convert(converter = RestoreTestStateConverter.class)
    @Column(nullable = false)
    public RestoreTestState state;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** The restore's start until the restored node accepted connections. */
    @Column(name = "restore_seconds")
    public Double restoreSeconds;

    /** The cluster's restore objective when the test was requested; null when it has none. */
    @Column(name = "restore_objective_seconds")
    public Long restoreObjectiveSeconds;

    /** Why it failed or was refused, in a sentence. */
    public String reason;

    public boolean isRunning() {
        return !state.isDone();
    }

    /** Within the objective it was judged by (when there was one). */
    public boolean withinObjective() {
        return restoreObjectiveSeconds == null || restoreSeconds != null && restoreSeconds <= restoreObjectiveSeconds;
    }

    public void setAsPassed(Instant at, Double seconds) {
        state = RestoreTestState.PASSED;
        finishedAt = at;
        restoreSeconds = seconds;
        reason = null;
    }

    public void setAsFailed(Instant at, Double seconds, String why) {
        state = RestoreTestState.FAILED;
        finishedAt = at;
        restoreSeconds = seconds;
        reason = why;
    }

    /** A restore test of this snapshot that has not ended. */
    public static Optional<RestoreTest> runningOf(UUID snapshotId) {
        return find("snapshotId = ?1 and state = ?2", snapshotId, RestoreTestState.RUNNING).firstResultOptional();
    }

    public static Optional<RestoreTest> byTask(UUID taskId) {
        return find("taskId", taskId).firstResultOptional();
    }

    /** A page of restore tests, newest first (the drill id breaks ties), of one cluster when it is given. */
    public static Page<RestoreTest> newestFirst(String cluster, PageRequest page) {
        KeysetQuery query = KeysetQuery.newestFirst("requestedAt", "drillId").whereEqual("cluster", cluster)
                .after(Keyset.after(page, UUID::fromString));
        return Page.of(RestoreTest.<RestoreTest>find(query.jpql(), query.parameters()).page(0, page.limit() + 1)
                .list(), page, test -> Keyset.key(test.requestedAt, test.drillId));
    }

    /** Each cluster's last passed restore test's restore time: what the metric shows. */
    public static Map<String, Double> lastPassedSeconds() {
        Map<String, Double> seconds = new HashMap<>();
        getEntityManager().createQuery("select t.cluster, t.restoreSeconds from RestoreTest t where t.state = :passed "
                + "and t.restoreSeconds is not null and t.finishedAt = (select max(o.finishedAt) from RestoreTest o "
                + "where o.cluster = t.cluster and o.state = :passed)", Object[].class)
                .setParameter("passed", RestoreTestState.PASSED).getResultList()
                .forEach(row -> seconds.put((String) row[0], (Double) row[1]));
        return seconds;
    }
}
