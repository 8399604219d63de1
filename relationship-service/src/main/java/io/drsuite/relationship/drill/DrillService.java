package io.drsuite.relationship.drill;

import io.drsuite.events.relationship.RelationshipPhase;
import io.drsuite.platform.origin.ChangeOrigin;
import io.drsuite.platform.origin.ChangeOrigins;
import io.drsuite.platform.paging.Page;
import io.drsuite.platform.paging.PageRequest;
import io.drsuite.platform.problem.ProblemException;
import io.drsuite.relationship.model.ClusterNodeEntity;
import io.drsuite.relationship.model.Relationship;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

/**
 * Accepts drill requests: checks the relationship and the sandbox, hands the drill a free sandbox port and its own
 * folder, and stores it with its task request and its announcement in one transaction.
 */
@ApplicationScoped
public class DrillService {

    private static final Logger LOG = Logger.getLogger(DrillService.class);

    private final DrillTaskRequests tasks;
    private final DrillAnnouncements announcements;

    DrillService(DrillTaskRequests tasks, DrillAnnouncements announcements) {
        this.tasks = tasks;
        this.announcements = announcements;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Drill> drills(String relationshipName, PageRequest page) {
        return Drill.newestFirst(relationshipName, page);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Drill> drill(UUID id) {
        return Optional.ofNullable(Drill.findById(id));
    }

    @Transactional
    public Drill request(DrillRequest request) {
        return request(request, null);
    }

    /**
     * A drill as {@link #request(DrillRequest)} starts one, on behalf of the drill plan named {@code plan} (null when
     * somebody asked for it); the drill keeps the plan's name.
     */
    @Transactional
    public Drill request(DrillRequest request, String plan) {
        DrillKind kind = kind(request.kind());
        requireDistinctCheckNames(request.userChecks());
        Relationship relationship = Relationship.findByName(request.relationship())
                .flatMap(found -> Relationship.findForUpdate(found.id))
                .orElseThrow(() -> ProblemException.unprocessable("unknown-relationship", "Unknown relationship",
                        "no relationship named '" + request.relationship() + "'"));
        Sandbox sandbox = Sandbox.findByNameForUpdate(request.sandbox())
                .orElseThrow(() -> ProblemException.unprocessable("unknown-sandbox", "Unknown sandbox",
                        "no sandbox named '" + request.sandbox() + "' is registered"));
        requireDrillable(relationship);
        Drill drill = new Drill();
        drill.id = UUID.randomUUID();
        drill.kind = kind;
        drill.relationshipId = relationship.id;
        drill.relationshipName = relationship.name;
        drill.primaryCluster = relationship.primaryCluster;
        drill.drCluster = relationship.drCluster;
        drill.sandbox = sandbox.name;
        drill.port = freePort(sandbox);
        drill.dataDirectory = sandbox.drillDirectory(drill.id);
        drill.state = DrillState.RUNNING;
        drill.taskId = UUID.randomUUID();
        ChangeOrigin origin = ChangeOrigins.current();
        drill.requestedBy = origin.requestedBy();
        drill.correlationId = origin.correlationId();
        drill.requestedAt = Instant.now();
        drill.plan = plan;
        drill.rpoObjectiveSeconds = relationship.rpoObjectiveSeconds;
        drill.rtoObjectiveSeconds = relationship.rtoObjectiveSeconds;
        drill.userChecks = new ArrayList<>(request.userChecks());
        try {
            drill.persistAndFlush();
        } catch (ConstraintViolationException raced) {
            throw ProblemException.conflict("drill-running", "another drill of relationship '" + relationship.name
                    + "' or on port " + drill.port + " of sandbox '" + sandbox.name + "' started at the same time");
        }
        tasks.request(drill, sandbox, relationship.timeoutSeconds);
        announcements.announce(drill);
        LOG.infof("Drill %s (%s) of relationship %s requested on sandbox %s port %d, task %s", drill.id,
                kind.wireName(), relationship.name, sandbox.name, drill.port, drill.taskId);
        return drill;
    }

    private static DrillKind kind(String requested) {
        if (requested == null) {
            return DrillKind.FAILOVER_REHEARSAL;
        }
        return DrillKind.fromWire(requested).orElseThrow(() -> ProblemException.badRequest("kind",
                "kind must be failover_rehearsal, not '" + requested + "'"));
    }

    /** 400 naming the first check whose name an earlier one has (a drill's and a plan's checks alike). */
    static void requireDistinctCheckNames(List<UserCheck> checks) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < checks.size(); i++) {
            if (!names.add(checks.get(i).name())) {
                throw ProblemException.badRequest("checks[" + i + "].name", "checks[" + i + "].name: '"
                        + checks.get(i).name() + "' is given twice");
            }
        }
    }

    private static void requireDrillable(Relationship relationship) {
        if (relationship.phase != RelationshipPhase.ACTIVE) {
            throw ProblemException.conflict("relationship-not-active", "relationship '" + relationship.name
                    + "' is " + relationship.phase.wireName() + "; a drill needs it active");
        }
        if (relationship.hasTaskInFlight()) {
            throw ProblemException.conflict("operation-in-progress", "relationship '" + relationship.name
                    + "' is running task " + relationship.currentTaskId + " (" + relationship.currentTaskType
                    + "); wait for it to end");
        }
        Drill.runningFor(relationship.id).ifPresent(running -> {
            throw ProblemException.conflict("drill-running", "drill " + running.id + " of relationship '"
                    + relationship.name + "' is running; wait for it to end");
        });
    }

    /**
     * The lowest port of the sandbox's range that no running drill holds and no registered cluster node on its host
     * listens on (the sandbox is locked, so two requests never pick the same one).
     */
    private static int freePort(Sandbox sandbox) {
        Set<Integer> taken = new HashSet<>(Drill.portsHeldOn(sandbox.name));
        ClusterNodeEntity.<ClusterNodeEntity>list("host", sandbox.host).forEach(node -> taken.add(node.port));
        return IntStream.rangeClosed(sandbox.portFrom, sandbox.portTo).filter(port -> !taken.contains(port))
                .findFirst().orElseThrow(() -> ProblemException.conflict("sandbox-full", "every port of sandbox '"
                        + sandbox.name + "' (" + sandbox.portFrom + "-" + sandbox.portTo + ") is held by a running "
                        + "drill; wait for one to end or widen the range"));
    }
}
