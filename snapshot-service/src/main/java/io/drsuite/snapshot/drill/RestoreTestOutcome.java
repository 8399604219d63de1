package io.drsuite.snapshot.drill;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.task.DrillTasks;
import io.drsuite.events.task.TaskFinished;
import io.drsuite.snapshot.model.RestoreTest;
import io.drsuite.snapshot.model.Snapshot;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Folds a restore test task's outcome into its {@link RestoreTest}: it passed when the task succeeded and every check
 * it recorded passed; the snapshot it restored is then marked restore-tested, which retention counts as verified.
 */
@ApplicationScoped
public class RestoreTestOutcome {

    private static final Logger LOG = Logger.getLogger(RestoreTestOutcome.class);

    private final ObjectMapper json;

    RestoreTestOutcome(ObjectMapper json) {
        this.json = json;
    }

    /** One check as the task records it in {@link DrillTasks#CHECKS}; read by Jackson, also in a native image. */
    @RegisterForReflection
    record Check(String name, String kind, boolean passed, String detail) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void finished(RestoreTest test, TaskFinished finished) {
        Double seconds = seconds(finished.artifacts().get(DrillTasks.RESTORE_SECONDS));
        if (!finished.succeeded()) {
            test.setAsFailed(finished.at(), seconds, finished.error() == null ? "task " + finished.state()
                    .wireName() : finished.error());
        } else {
            List<Check> checks = checks(finished.artifacts().get(DrillTasks.CHECKS));
            List<String> failed = checks.stream().filter(check -> !check.passed())
                    .map(check -> check.name() + " (" + check.detail() + ")").toList();
            if (checks.isEmpty()) {
                test.setAsFailed(finished.at(), seconds, "the task recorded no checks");
            } else if (!failed.isEmpty()) {
                test.setAsFailed(finished.at(), seconds, failed.size() + " of " + checks.size() + " checks failed: "
                        + String.join("; ", failed));
            } else {
                test.setAsPassed(finished.at(), seconds);
                Snapshot snapshot = Snapshot.findById(test.snapshotId, LockModeType.PESSIMISTIC_WRITE);
                if (snapshot != null) {
                    snapshot.setAsRestoreTested(finished.at(), seconds);
                }
            }
        }
        LOG.infof("Restore test of drill %s (snapshot %s of %s) %s%s", test.drillId, test.snapshotId, test.cluster,
                test.state.wireName(), test.reason == null ? "" : ": " + test.reason);
    }

    private List<Check> checks(String recorded) {
        if (recorded == null || recorded.isBlank()) {
            return List.of();
        }
        try {
            return json.readValue(recorded, new TypeReference<List<Check>>() { });
        } catch (JsonProcessingException e) {
            LOG.warnf("A restore test's checks are not a list of checks: %s", e.getOriginalMessage());
            return List.of();
        }
    }

    private static Double seconds(String recorded) {
        try {
            return recorded == null ? null : Double.valueOf(recorded);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
