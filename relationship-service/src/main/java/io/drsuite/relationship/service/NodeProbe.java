package io.drsuite.relationship.service;

import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.NodeEndpoint;
import io.drsuite.clusterclient.sql.NodeSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;

/**
 * Connects to nodes and reads what they are: version, primary or standby, and which cluster they belong to.
 * All nodes are probed in parallel, so one dead node costs one connect timeout, not one per node.
 */
@ApplicationScoped
public class NodeProbe {

    private static final String FACTS = """
            select current_setting('server_version'),
                   current_setting('server_version_num')::int,
                   pg_is_in_recovery(),
                   (select system_identifier::text from pg_control_system())""";

    private static final Logger LOG = Logger.getLogger(NodeProbe.class);

    private final ClusterAccess access;

    NodeProbe(ClusterAccess access) {
        this.access = access;
    }

    /** Where to connect. */
    public record Target(String nodeName, String host, int port) {
        String address() {
            return host + ":" + port;
        }
    }

    /** What a reachable node said about itself. */
    public record NodeFacts(String serverVersion, int versionNumber, boolean inRecovery, String systemIdentifier) {
        public int majorVersion() {
            return versionNumber / 10000;
        }
    }

    /** The probe of one node: facts when it answered, the reason when it did not. */
    public record Result(Target target, NodeFacts facts, ProbeFailure failure) {
        public boolean reachable() {
            return facts != null;
        }
    }

    public List<Result> probeAll(List<Target> targets, String username, String password) {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Result>> futures = targets.stream()
                    .map(target -> executor.submit(() -> probe(target, username, password)))
                    .toList();
            return futures.stream().map(NodeProbe::await).toList();
        }
    }

    Result probe(Target target, String username, String password) {
        long started = System.nanoTime();
        try (NodeSession session = access.connector().open(new NodeEndpoint(target.nodeName(), target.host(),
                target.port()), new Login(username, password));
                PreparedStatement statement = session.connection().prepareStatement(FACTS);
                ResultSet row = statement.executeQuery()) {
            row.next();
            return new Result(target, new NodeFacts(row.getString(1), row.getInt(2), row.getBoolean(3),
                    row.getString(4)), null);
        } catch (SQLException e) {
            ProbeFailure failure = ProbeFailure.of(e, Duration.ofNanos(System.nanoTime() - started),
                    access.connector().connectTimeout());
            LOG.debugf("Probe of %s failed (%s): %s", target.address(), failure.reason(), e.getSQLState());
            return new Result(target, null, failure);
        }
    }

    private static Result await(Future<Result> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("node probe failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while probing nodes", e);
        }
    }
}
