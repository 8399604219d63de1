package io.drsuite.task.drill;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.NodeEndpoint;
import io.drsuite.clusterclient.sql.NodeConnector;
import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.task.engine.StepContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The canary writers of the round trips this instance runs, by task. A writer is a thread of this process: after a
 * crash the resumed task starts a new one, which knows the acknowledged ranges the steps recorded
 * ({@link #RANGES}) and numbers on from the highest row the table holds.
 */
@ApplicationScoped
public class Canaries {

    /** Artifact: the acknowledged canary numbers as JSON ranges, recorded by every step that runs with the canary. */
    static final String RANGES = "canaryRanges";
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    private static final TypeReference<List<CanaryLedger.Range>> RANGE_LIST = new TypeReference<>() {
    };

    private record Running(CanaryWriter writer, Thread thread) {
    }

    private final Map<UUID, Running> running = new ConcurrentHashMap<>();
    private final ObjectMapper json;

    Canaries(ObjectMapper json) {
        this.json = json;
    }

    /** Creates the canary table on the primary if it is not there yet. */
    static void prepareTable(NodeSession primary) throws SQLException {
        try (Statement statement = primary.connection().createStatement()) {
            statement.execute("create schema if not exists " + CanaryWriter.SCHEMA);
            statement.execute("create table if not exists " + CanaryWriter.TABLE + " (drill_id uuid not null,"
                    + " n bigint not null, committed_at timestamptz not null default clock_timestamp(),"
                    + " primary key (drill_id, n))");
        }
    }

    /** The task's writer, started now if this instance runs none for it (the task's first step, or a resume). */
    CanaryWriter ensureRunning(StepContext context, NodeConnector connector, List<NodeEndpoint> mains, Login login,
            UUID drillId) throws SQLException {
        Running writer = running.get(context.taskId());
        if (writer != null) {
            return writer.writer();
        }
        long first;
        try (NodeSession primary = connector.openPrimaryOf(mains, login, "postgres");
                PreparedStatement highest = primary.connection().prepareStatement(
                        "select coalesce(max(n), 0) + 1 from " + CanaryWriter.TABLE + " where drill_id = ?")) {
            highest.setObject(1, drillId);
            try (ResultSet row = highest.executeQuery()) {
                row.next();
                first = row.getLong(1);
            }
        }
        CanaryWriter started = new CanaryWriter(connector, mains, login, drillId, first,
                new CanaryLedger(recordedRanges(context)));
        running.put(context.taskId(), new Running(started,
                Thread.ofPlatform().daemon().name("canary-" + drillId).start(started)));
        context.log("canary writer started at number " + first);
        return started;
    }

    Optional<CanaryWriter> of(StepContext context) {
        return Optional.ofNullable(running.get(context.taskId())).map(Running::writer);
    }

    /** Records the writer's acknowledged ranges with the step, so a resumed task still checks them. */
    void recordRanges(StepContext context, CanaryWriter writer) throws JsonProcessingException {
        context.record(RANGES, json.writeValueAsString(writer.ledger().ranges()));
    }

    /** Stops the task's writer, if this instance runs one, and waits for its last attempt to end. */
    Optional<CanaryWriter> stop(StepContext context) throws InterruptedException {
        Running writer = running.remove(context.taskId());
        if (writer == null) {
            return Optional.empty();
        }
        writer.writer().stop();
        writer.thread().join(STOP_WAIT.toMillis());
        return Optional.of(writer.writer());
    }

    List<CanaryLedger.Range> recordedRanges(StepContext context) {
        return context.artifact(RANGES).map(text -> {
            try {
                return json.readValue(text, RANGE_LIST);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("artifact " + RANGES + " is unreadable: " + e.getOriginalMessage());
            }
        }).orElse(List.of());
    }
}
