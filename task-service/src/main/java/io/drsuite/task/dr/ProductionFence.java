package io.drsuite.task.dr;

import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.host.CommandResult;
import io.drsuite.clusterclient.host.HostUnreachableException;
import io.drsuite.clusterclient.sql.Lsn;
import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.task.engine.StepContext;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * Fences one node of the production cluster before a failover promotes the DR side, so two writable primaries never
 * exist. Whichever node is a primary now is stopped, not only the one registered as primary: a local standby may
 * have been promoted since. A stop counts only once it is confirmed: the node refuses connections and
 * {@code pg_ctl status} finds no server. Failover is for when production is lost, so a node that neither answers SQL
 * nor lets its host be reached is accepted as lost; a primary that answers and stays up is not.
 */
public final class ProductionFence {

    /** How one production node ended up; every outcome but a failure to stop (thrown) lets the failover go on. */
    public enum Outcome {
        /** It was a primary, and is confirmed stopped. */
        STOPPED("stopped"),
        /** It answers in recovery: it takes no writes, so it is left running. */
        STANDBY("standby-left-running"),
        /** It does not answer and no server runs on its data directory. */
        NOT_RUNNING("not-running"),
        /** It does not answer, but a postmaster may linger (a crashed one, a zombie): it was told to stop at once. */
        STOP_REQUESTED("stop-requested"),
        /** Neither SQL nor its host answers: production is lost there, which is what a failover is for. */
        HOST_UNREACHABLE("host-unreachable");

        private final String wireName;

        Outcome(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        /** Whether the suite saw for itself that the node takes no writes. */
        public boolean confirmed() {
            return this != HOST_UNREACHABLE;
        }
    }

    /** A node's outcome and, when it was a primary, its WAL position just before it was stopped. */
    public record Result(Outcome outcome, Optional<Lsn> lastPrimaryLsn) {
    }

    private static final Duration EXIT_WAIT = Duration.ofSeconds(10);

    private final StepContext context;
    private final NodeControl node;
    private final Login admin;

    public ProductionFence(StepContext context, NodeControl node, Login admin) {
        this.context = context;
        this.node = node;
        this.admin = admin;
    }

    /** Fences the node; throws when a primary cannot be confirmed stopped. */
    public Result fence() {
        Optional<Boolean> inRecovery;
        Optional<Lsn> position = Optional.empty();
        try (NodeSession session = node.session(admin)) {
            inRecovery = Optional.of(session.inRecovery());
            if (!inRecovery.get()) {
                position = Optional.of(session.currentLsn());
            }
        } catch (SQLException noAnswer) {
            inRecovery = Optional.empty();
        }
        if (inRecovery.isEmpty()) {
            return new Result(fenceSilent(), Optional.empty());
        }
        if (inRecovery.get()) {
            context.log(node.node() + " answers in recovery (a standby); left running");
            return new Result(Outcome.STANDBY, Optional.empty());
        }
        return new Result(stopPrimary(position.orElseThrow()), position);
    }

    private Outcome stopPrimary(Lsn position) {
        context.log(node.node() + " is a primary (at " + position + "); stopping it");
        CommandResult stop;
        try {
            stop = node.tryStop("fast");
            if (!stop.succeeded() && node.answers(admin)) {
                stop = node.tryStop("immediate");
            }
        } catch (HostUnreachableException e) {
            throw new IllegalStateException(node.node() + " still accepts connections as a primary and its host "
                    + "cannot be reached to stop it; refusing to create a second primary", e);
        }
        if (node.answers(admin)) {
            throw new IllegalStateException(node.node() + " still accepts connections after the stop ("
                    + describe(stop) + "); refusing to create a second primary");
        }
        PostmasterStatus status = awaitExit();
        if (!status.stopped()) {
            throw new IllegalStateException(node.node() + " refuses connections but pg_ctl status reports "
                    + status + " after the stop (" + describe(stop) + "); the fence cannot be confirmed");
        }
        context.log("fenced " + node.node() + ": stopped (" + describe(stop) + "), refuses connections");
        return Outcome.STOPPED;
    }

    /**
     * A node that does not answer SQL takes no writes from the suite's side; whatever may still run on its data
     * directory is stopped at once without waiting (a crashed postmaster may linger as a zombie for a moment).
     */
    private Outcome fenceSilent() {
        try {
            if (node.postmasterStatus().stopped()) {
                context.log(node.node() + " does not answer and no server runs on its data directory");
                return Outcome.NOT_RUNNING;
            }
            CommandResult stop = node.requestStop("immediate");
            if (!stop.succeeded() && !node.postmasterStatus().stopped()) {
                throw new IllegalStateException(node.node() + " does not answer SQL, but a server may still run on "
                        + "its data directory and the immediate stop failed (" + describe(stop) + ")");
            }
            context.log(node.node() + " does not answer; asked whatever still runs of it to stop immediately");
            return Outcome.STOP_REQUESTED;
        } catch (HostUnreachableException e) {
            context.log("neither " + node.node() + " nor its host answers (" + e.getMessage()
                    + "); production is lost there, so the failover goes on");
            return Outcome.HOST_UNREACHABLE;
        }
    }

    private PostmasterStatus awaitExit() {
        return node.awaitPostmasterExit(EXIT_WAIT);
    }

    private static String describe(CommandResult result) {
        String error = result.stderr() == null ? "" : result.stderr().strip();
        return result.summary() + " exited " + result.exitCode() + (error.isEmpty() ? "" : ": " + error);
    }
}
