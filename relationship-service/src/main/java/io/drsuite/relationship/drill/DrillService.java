package io.drsuite.relationship.drill;

import io.drsuite.events.relationship.RelationshipPhase;
import io.drsuite.platform.origin.ChangeOrigin;
import io.drsuite.platform.origin.ChangeOrigins;
import io.drsuite.platform.paging.Page;
import io.drsuite.platform.paging.PageRequest;
import io.drsuite.platform.problem.ProblemException;
import io.drsuite.relationship.model.ClusterNodeEntity;
import io.drsuite.relationship.model.Relationship;
import io.drsuite.relationship.service.RelationshipService;
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
 * folder, and stores it with its task request (for a restore test: the request to snapshot-service; for a switchover
 * round trip: the relationship's operation) and its announcement in one transaction.
 */
@ApplicationScoped
public class DrillService {

    private static final Logger LOG = Logger.getLogger(DrillService.class);

    private final DrillTaskRequests tasks;
    private final DrillAnnouncements announcements;
    private final RelationshipService relationships;

    DrillService(DrillTaskRequests tasks, DrillAnnouncements announcements, RelationshipService relationships) {
        this.tasks = tasks;
        this.announcements = announcements;
        this.relationships = relationships;
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
        Optional<Sandbox> sandbox = kind.needsSandbox() ? Optional.of(sandbox(request, kind)) : Optional.empty();
        requireDrillable(relationship);
        Drill drill = new Drill();
        drill.id = UUID.randomUUID();
        drill.kind = kind;
        drill.relationshipId = relationship.id;
        drill.relationshipName = relationship.name;
        drill.primaryCluster = relationship.primaryCluster;
        drill.drCluster = relationship.drCluster;
        sandbox.ifPresent(place -> {
            drill.sandbox = place.name;
            drill.port = freePort(place);
            drill.dataDirectory = place.drillDirectory(drill.id);
        });
        if (kind == DrillKind.RESTORE_TEST) {
            drill.cluster = testedCluster(request, relationship);
        }
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
        if (kind.isRelationshipOperation()) {
            drill.taskId = relationships.switchoverRoundTrip(relationship.id, tasks.roundTripParameters(drill))
                    .taskId();
        }
        try {
            drill.persistAndFlush();
        } catch (ConstraintViolationException raced) {
            throw ProblemException.conflict("drill-running", "another drill of relationship '" + relationship.name
                    + "'" + sandbox.map(place -> " or on port " + drill.port + " of sandbox '" + place.name + "'")
                            .orElse("") + " started at the same time");
        }
        switch (kind) {
            case FAILOVER_REHEARSAL -> tasks.request(drill, sandbox.orElseThrow(), relationship.timeoutSeconds);
            case RESTORE_TEST -> tasks.requestRestoreTest(drill, sandbox.orElseThrow(), relationship.timeoutSeconds);
            case SWITCHOVER_ROUND_TRIP -> {
                // requested with the relationship's operation above
            }
        }
        announcements.announce(drill);
        LOG.infof("Drill %s (%s) of relationship %s requested%s, task %s", drill.id, kind.wireName(),
                relationship.name, sandbox.map(place -> " on sandbox " + place.name + " port " + drill.port)
                        .orElse(""), drill.taskId);
        return drill;
    }

    private static Sandbox sandbox(DrillRequest request, DrillKind kind) {
        if (request.sandbox() == null) {
            throw ProblemException.badRequest("sandbox", "sandbox: a " + kind.wireName() + " needs a sandbox");
        }
        return Sandbox.findByNameForUpdate(request.sandbox())
                .orElseThrow(() -> ProblemException.unprocessable("unknown-sandbox", "Unknown sandbox",
                        "no sandbox named '" + request.sandbox() + "' is registered"));
    }

    /** The cluster a restore test restores: the one named, which must be a side of the relationship; production's by default. */
    private static String testedCluster(DrillRequest request, Relationship relationship) {
        if (request.cluster() == null) {
            return relationship.primaryCluster;
        }
        if (!request.cluster().equals(relationship.primaryCluster) && !request.cluster().equals(
                relationship.drCluster)) {
            throw ProblemException.unprocessable("cluster-not-in-relationship", "Cluster not in the relationship",
                    "cluster '" + request.cluster() + "' is neither side of relationship '" + relationship.name + "'");
        }
        return request.cluster();
    }

    static DrillKind kind(String requested) {
        if (requested == null) {
            return DrillKind.FAILOVER_REHEARSAL;
        }
        return DrillKind.fromWire(requested).orElseThrow(() -> ProblemException.badRequest("kind",
                "kind must be one of " + DrillKind.wireNames() + ", not '" + requested + "'"));
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
