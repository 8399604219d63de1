package io.drsuite.relationship.drill;

import io.drsuite.platform.paging.Page;
import io.drsuite.platform.paging.PageRequest;
import io.drsuite.platform.problem.ProblemException;
import io.drsuite.platform.schedule.CronSchedule;
import io.drsuite.relationship.model.Relationship;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

/**
 * The drill plans: checked like a drill request (the same check rules; the relationship and the sandbox must
 * exist), stored with their next due time. {@link DrillPlanScheduler} starts their drills.
 */
@ApplicationScoped
public class DrillPlans {

    private static final Logger LOG = Logger.getLogger(DrillPlans.class);

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DrillPlan> plans(PageRequest page) {
        return DrillPlan.pageByName(page);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<DrillPlan> plan(String name) {
        return DrillPlan.findByName(name);
    }

    @Transactional
    public DrillPlan create(DrillPlanRequest request) {
        if (request.name() == null) {
            throw ProblemException.badRequest("name", "name is required");
        }
        CronSchedule schedule = check(request);
        if (DrillPlan.findByName(request.name()).isPresent()) {
            throw exists(request.name());
        }
        DrillPlan plan = new DrillPlan();
        plan.id = UUID.randomUUID();
        plan.name = request.name();
        plan.createdAt = Instant.now();
        apply(plan, request, schedule);
        try {
            plan.persistAndFlush();
        } catch (ConstraintViolationException raced) {
            throw exists(request.name());
        }
        LOG.infof("Drill plan %s created: relationship %s on sandbox %s at '%s' (UTC)%s, next run %s", plan.name,
                plan.relationship, plan.sandbox, plan.schedule, plan.suspended ? ", suspended" : "", plan.nextRunAt);
        return plan;
    }

    /** Replaces the plan's settings; its next due time moves when its schedule or its suspension changed. */
    @Transactional
    public DrillPlan update(String name, DrillPlanRequest request) {
        if (request.name() != null && !request.name().equals(name)) {
            throw ProblemException.badRequest("name", "a drill plan is not renamed: the body names '"
                    + request.name() + "', the address '" + name + "'");
        }
        DrillPlan plan = DrillPlan.findByNameForUpdate(name).orElseThrow(() -> notFound(name));
        apply(plan, request, check(request));
        LOG.infof("Drill plan %s changed: relationship %s on sandbox %s at '%s' (UTC)%s, next run %s", plan.name,
                plan.relationship, plan.sandbox, plan.schedule, plan.suspended ? ", suspended" : "", plan.nextRunAt);
        return plan;
    }

    /** Removes the plan; the drills it started stay, with its name. */
    @Transactional
    public void delete(String name) {
        DrillPlan plan = DrillPlan.findByNameForUpdate(name).orElseThrow(() -> notFound(name));
        plan.delete();
        LOG.infof("Drill plan %s deleted", name);
    }

    /** The 400s and 422s of a plan's settings; the parsed schedule. */
    private static CronSchedule check(DrillPlanRequest request) {
        CronSchedule schedule = CronSchedule.parse(request.schedule());
        DrillService.requireDistinctCheckNames(request.userChecks());
        if (Relationship.findByName(request.relationship()).isEmpty()) {
            throw ProblemException.unprocessable("unknown-relationship", "Unknown relationship",
                    "no relationship named '" + request.relationship() + "'");
        }
        DrillKind kind = DrillService.kind(request.kind());
        if (kind.needsSandbox() && request.sandbox() == null) {
            throw ProblemException.badRequest("sandbox", "sandbox: a " + kind.wireName() + " needs a sandbox");
        }
        if (request.sandbox() != null && Sandbox.findByName(request.sandbox()).isEmpty()) {
            throw ProblemException.unprocessable("unknown-sandbox", "Unknown sandbox",
                    "no sandbox named '" + request.sandbox() + "' is registered");
        }
        return schedule;
    }

    private static void apply(DrillPlan plan, DrillPlanRequest request, CronSchedule schedule) {
        Instant now = Instant.now();
        boolean timingChanged = !schedule.expression().equals(plan.schedule) || plan.suspended != request
                .isSuspended() || plan.nextRunAt == null;
        plan.relationship = request.relationship();
        plan.kind = DrillService.kind(request.kind());
        plan.sandbox = plan.kind.needsSandbox() ? request.sandbox() : null;
        plan.cluster = plan.kind == DrillKind.RESTORE_TEST ? request.cluster() : null;
        plan.schedule = schedule.expression();
        plan.userChecks = new ArrayList<>(request.userChecks());
        plan.suspended = request.isSuspended();
        if (plan.suspended) {
            plan.nextRunAt = null;
        } else if (timingChanged) {
            plan.nextRunAt = schedule.nextAfter(now).orElse(null);
        }
        plan.updatedAt = now;
    }

    private static ProblemException exists(String name) {
        return ProblemException.conflict("drill-plan-exists", "a drill plan named '" + name + "' exists");
    }

    private static ProblemException notFound(String name) {
        return ProblemException.notFound("drill-plan", "no drill plan named '" + name + "'");
    }
}
