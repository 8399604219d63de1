package io.drsuite.relationship.drill;

import io.drsuite.platform.node.HostAccessRegistration;
import io.drsuite.platform.paging.Page;
import io.drsuite.platform.paging.PageRequest;
import io.drsuite.platform.problem.ProblemException;
import io.drsuite.relationship.model.ClusterNodeEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

/**
 * The sandbox registry. A sandbox never overlaps a registered cluster's node: no node on its host listens inside its
 * port range or keeps its data inside its data root (or around it).
 */
@ApplicationScoped
public class Sandboxes {

    private static final Logger LOG = Logger.getLogger(Sandboxes.class);

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Sandbox> sandboxes(PageRequest page) {
        return Sandbox.pageByName(page);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Sandbox> sandbox(String name) {
        return Sandbox.findByName(name);
    }

    @Transactional
    public Sandbox register(SandboxRegistration request) {
        requireNormalisedRoot(request.dataRoot());
        requirePortRange(request.portFrom(), request.portTo());
        if (Sandbox.findByName(request.name()).isPresent()) {
            throw ProblemException.conflict("sandbox-exists", "a sandbox named '" + request.name()
                    + "' is already registered");
        }
        Sandbox sandbox = new Sandbox();
        sandbox.id = UUID.randomUUID();
        sandbox.name = request.name();
        sandbox.host = request.host();
        sandbox.dataRoot = request.dataRoot();
        sandbox.portFrom = request.portFrom();
        sandbox.portTo = request.portTo();
        HostAccessRegistration access = request.access();
        sandbox.accessKind = access.kind();
        sandbox.osUser = access.osUser();
        sandbox.sshHost = access.sshHost();
        sandbox.sshPort = access.sshPort();
        sandbox.sshUser = access.sshUser();
        sandbox.sshKeyRef = access.sshKeyRef();
        sandbox.registeredAt = Instant.now();
        requireNoClusterNodeInside(sandbox);
        try {
            sandbox.persistAndFlush();
        } catch (ConstraintViolationException raced) {
            throw ProblemException.conflict("sandbox-exists", "a sandbox named '" + request.name()
                    + "' was registered at the same time");
        }
        LOG.infof("Registered sandbox %s on %s, ports %d-%d under %s", sandbox.name, sandbox.host, sandbox.portFrom,
                sandbox.portTo, sandbox.dataRoot);
        return sandbox;
    }

    /** Removes the sandbox from the registry (its host is not touched); refused while a drill runs on it. */
    @Transactional
    public void remove(String name) {
        Sandbox sandbox = Sandbox.findByNameForUpdate(name)
                .orElseThrow(() -> ProblemException.notFound("sandbox", "no sandbox named '" + name + "'"));
        Drill.runningOn(name).ifPresent(drill -> {
            throw ProblemException.conflict("drill-running", "drill " + drill.id + " runs on sandbox '" + name
                    + "'; wait for it to end");
        });
        sandbox.delete();
        LOG.infof("Removed sandbox %s", name);
    }

    /**
     * 409 when a registered cluster node on the sandbox's host listens inside its port range or keeps its data
     * inside (or around) its data root: the suite never makes a sandbox of a cluster's node.
     */
    static void requireNoClusterNodeInside(Sandbox sandbox) {
        for (ClusterNodeEntity node : ClusterNodeEntity.<ClusterNodeEntity>list("host", sandbox.host)) {
            if (sandbox.holdsPort(node.port) || sandbox.overlapsDirectory(node.dataDirectory)) {
                throw ProblemException.conflict("sandbox-overlaps-cluster", "node '" + node.name + "' of cluster '"
                        + node.cluster.name + "' (" + node.host + ":" + node.port + ", " + node.dataDirectory
                        + ") lies inside sandbox '" + sandbox.name + "' (ports " + sandbox.portFrom + "-"
                        + sandbox.portTo + ", " + sandbox.dataRoot + "); the suite never uses a cluster's node as a "
                        + "sandbox");
            }
        }
    }

    /** 409 when a node that is to be registered lies inside a sandbox. */
    public static void requireOutsideSandboxes(String nodeName, String host, int port, String dataDirectory) {
        for (Sandbox sandbox : Sandbox.<Sandbox>list("host", host)) {
            if (sandbox.holdsPort(port) || sandbox.overlapsDirectory(dataDirectory)) {
                throw ProblemException.conflict("node-in-sandbox", "node '" + nodeName + "' (" + host + ":" + port
                        + ", " + dataDirectory + ") lies inside sandbox '" + sandbox.name + "' (ports "
                        + sandbox.portFrom + "-" + sandbox.portTo + ", " + sandbox.dataRoot + "), where drills "
                        + "create and remove instances");
            }
        }
    }

    private static void requireNormalisedRoot(String dataRoot) {
        Path root = Path.of(dataRoot);
        if (!root.isAbsolute() || !root.normalize().toString().equals(dataRoot) || root.getParent() == null) {
            throw ProblemException.badRequest("dataRoot", "dataRoot must be an absolute, normalised folder below / "
                    + "(no '.', '..', '//' or trailing '/'), not '" + dataRoot + "'");
        }
    }

    private static void requirePortRange(int from, int to) {
        if (from > to) {
            throw ProblemException.badRequest("portTo", "portTo (" + to + ") is below portFrom (" + from + ")");
        }
        if (to - from + 1 > SandboxRegistration.MAX_PORTS) {
            throw ProblemException.badRequest("portTo", "a sandbox holds at most " + SandboxRegistration.MAX_PORTS
                    + " ports, not " + (to - from + 1));
        }
    }
}
