package io.drsuite.task.snapshot;

import static io.drsuite.task.engine.StepDefinition.step;
import static io.drsuite.task.model.FailurePolicy.RESUME;
import static io.drsuite.task.model.FailurePolicy.ROLLBACK;

import io.drsuite.events.task.SnapshotTasks;
import io.drsuite.task.engine.StepContext;
import io.drsuite.task.engine.StepDefinition;
import io.drsuite.task.engine.TaskDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The snapshot task types: backups, verification and restores. Each backup or check step starts over when resumed. */
public final class SnapshotTaskDefinitions {

    private SnapshotTaskDefinitions() {
    }

    /** {@code snapshot.physical}: the temporary slot holding the backup's WAL is dropped at every ending. */
    @ApplicationScoped
    public static class PhysicalBackup implements TaskDefinition {

        private final BackupSteps steps;

        PhysicalBackup(BackupSteps steps) {
            this.steps = steps;
        }

        @Override
        public String type() {
            return SnapshotTasks.PHYSICAL_BACKUP;
        }

        @Override
        public List<StepDefinition> steps() {
            return List.of(step("stream-base-backup", 100, RESUME, steps::physical).cancellableBefore());
        }

        /** The backup's WAL slot goes whatever the ending, also after a crash mid-backup. */
        @Override
        public void release(StepContext context) throws Exception {
            steps.releaseSlot(context);
        }
    }

    /** {@code snapshot.logical}. */
    @ApplicationScoped
    public static class LogicalBackup implements TaskDefinition {

        private final BackupSteps steps;

        LogicalBackup(BackupSteps steps) {
            this.steps = steps;
        }

        @Override
        public String type() {
            return SnapshotTasks.LOGICAL_BACKUP;
        }

        @Override
        public List<StepDefinition> steps() {
            return List.of(step("stream-dump", 100, RESUME, steps::logical).cancellableBefore());
        }
    }

    /** {@code snapshot.verify}. */
    @ApplicationScoped
    public static class Verify implements TaskDefinition {

        private final VerifySteps steps;

        Verify(VerifySteps steps) {
            this.steps = steps;
        }

        @Override
        public String type() {
            return SnapshotTasks.VERIFY;
        }

        @Override
        public List<StepDefinition> steps() {
            return List.of(step("verify-stored-object", 100, RESUME, steps::verify).cancellableBefore());
        }
    }

    /**
     * {@code snapshot.restore-logical}: until the restored database has the target name, a failure drops it and puts
     * a replaced database back; the replaced database is dropped only after the swap.
     */
    @ApplicationScoped
    public static class LogicalRestore implements TaskDefinition {

        private final LogicalRestoreSteps steps;

        LogicalRestore(LogicalRestoreSteps steps) {
            this.steps = steps;
        }

        @Override
        public String type() {
            return SnapshotTasks.LOGICAL_RESTORE;
        }

        @Override
        public List<StepDefinition> steps() {
            return List.of(
                    step("check-snapshot", 20, RESUME, steps::checkSnapshot).cancellableBefore(),
                    step("prepare-target", 30, RESUME, steps::prepareTarget).cancellableBefore(),
                    step("restore", 90, ROLLBACK, steps::restore),
                    step("swap-in-restored-database", 95, ROLLBACK, steps::swapInRestoredDatabase),
                    step("drop-replaced-database", 100, RESUME, steps::dropReplacedDatabase));
        }

        @Override
        public void rollback(StepContext context, String failedStep) throws Exception {
            steps.rollback(context);
        }
    }

    /** {@code snapshot.restore-physical}: until the restored server runs, a failure puts the old data back. */
    @ApplicationScoped
    public static class PhysicalRestore implements TaskDefinition {

        private final PhysicalRestoreSteps steps;

        PhysicalRestore(PhysicalRestoreSteps steps) {
            this.steps = steps;
        }

        @Override
        public String type() {
            return SnapshotTasks.PHYSICAL_RESTORE;
        }

        @Override
        public List<StepDefinition> steps() {
            return List.of(
                    step("check-snapshot", 20, RESUME, steps::checkSnapshot).cancellableBefore(),
                    step("stop-node", 25, ROLLBACK, steps::stopNode).cancellableBefore(),
                    step("set-aside-data", 30, ROLLBACK, steps::setAsideData),
                    step("unpack-snapshot", 85, ROLLBACK, steps::unpack),
                    step("start-node", 95, ROLLBACK, steps::startNode),
                    step("remove-previous-data", 100, RESUME, steps::removePreviousData));
        }

        @Override
        public void rollback(StepContext context, String failedStep) throws Exception {
            steps.rollback(context);
        }
    }
}
