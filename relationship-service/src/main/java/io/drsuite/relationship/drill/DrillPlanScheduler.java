package io.drsuite.relationship.drill;

import io.drsuite.platform.origin.ChangeOrigin;
import io.drsuite.platform.origin.ChangeOrigins;
import io.drsuite.platform.problem.ProblemException;
import io.drsuite.platform.schedule.CronSchedule;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Starts the drills of due drill plans. Every replica looks for due plans every
 * {@code drsuite.drills.plan-interval}; a due plan is claimed with a row lock that other replicas pass over, and its
 * drill is stored in the transaction that advances its next due time, so each due time starts at most one drill. A
 * refused drill (the relationship not active, a drill running, the sandbox full, ...) rolls that transaction back;
 * the refusal is then recorded in {@code lastError} and the plan waits for its next due time, never retrying before.
 * Due times missed while no replica ran are not caught up: the plan runs once and moves to its next time after now.
 */
@ApplicationScoped
public class DrillPlanScheduler {

    private static final Logger LOG = Logger.getLogger(DrillPlanScheduler.class);
    /** At most this many due times taken in one pass; the rest wait for the next pass. */
    private static final int MOST_PER_PASS = 100;

    private final DrillService drills;

    DrillPlanScheduler(DrillService drills) {
        this.drills = drills;
    }

    @Scheduled(every = "${drsuite.drills.plan-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        runDuePlans();
    }

    /** Takes every plan due now, one transaction each; how many due times were taken (started or refused). */
    public int runDuePlans() {
        int taken = 0;
        try {
            while (taken < MOST_PER_PASS && takeOne(Instant.now())) {
                taken++;
            }
        } catch (RuntimeException failed) {
            // The plan stays due; the next pass tries again (a database or broker outage, not a refusal).
            LOG.warnf(failed, "Drill plans: a due plan could not be taken");
        }
        return taken;
    }

    private boolean takeOne(Instant now) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> startDue(now));
        } catch (RefusedRun refused) {
            QuarkusTransaction.requiringNew().run(() -> recordRefusal(refused, now));
            return true;
        }
    }

    private boolean startDue(Instant now) {
        Optional<DrillPlan> due = DrillPlan.claimDue(now);
        if (due.isEmpty()) {
            return false;
        }
        DrillPlan plan = due.get();
        Instant dueAt = plan.nextRunAt;
        ChangeOrigin origin = new ChangeOrigin(UUID.randomUUID(), requester(plan.name));
        try {
            Drill drill = ChangeOrigins.during(origin, () -> drills.request(plan.drillRequest(), plan.name));
            plan.started(drill, now, nextAfter(plan, now));
            LOG.infof("Drill plan %s (due %s) started drill %s of %s; next run %s", plan.name, dueAt, drill.id,
                    plan.relationship, plan.nextRunAt);
            return true;
        } catch (ProblemException refused) {
            throw new RefusedRun(plan.id, dueAt, refused.problem().detail());
        }
    }

    /** The refused due time moves on, unless another replica took it meanwhile. */
    private static void recordRefusal(RefusedRun refused, Instant now) {
        DrillPlan.findForUpdate(refused.plan())
                .filter(plan -> !plan.suspended && refused.dueAt().equals(plan.nextRunAt))
                .ifPresent(plan -> {
                    plan.refused(refused.reason(), now, nextAfter(plan, now));
                    LOG.warnf("Drill plan %s started no drill at %s: %s; next run %s", plan.name, refused.dueAt(),
                            refused.reason(), plan.nextRunAt);
                });
    }

    /** Who asked for a plan's drill, as the drill records it. */
    public static String requester(String planName) {
        return "plan:" + planName;
    }

    private static Instant nextAfter(DrillPlan plan, Instant now) {
        return CronSchedule.parse(plan.schedule).nextAfter(now).orElse(null);
    }

    /** A plan's drill was refused; thrown out of the claiming transaction so it rolls back. */
    private static final class RefusedRun extends RuntimeException {

        private final UUID plan;
        private final Instant dueAt;
        private final String reason;

        RefusedRun(UUID plan, Instant dueAt, String reason) {
            super(reason, null, false, false);
            this.plan = plan;
            this.dueAt = dueAt;
            this.reason = reason;
        }

        UUID plan() {
            return plan;
        }

        Instant dueAt() {
            return dueAt;
        }

        String reason() {
            return reason;
        }
    }
}
