package io.drsuite.task.wal;

import static io.drsuite.task.engine.StepDefinition.step;
import static io.drsuite.task.model.FailurePolicy.RESUME;

import io.drsuite.events.task.WalTasks;
import io.drsuite.task.engine.StepContext;
import io.drsuite.task.engine.StepDefinition;
import io.drsuite.task.engine.TaskDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The WAL archive's task types. */
public final class WalTaskDefinitions {

    private WalTaskDefinitions() {
    }

    /**
     * {@code wal.stream}: one step that streams until the task is cancelled, and then ends it as cancelled. A failure
     * leaves the slot in place so a resumed stream has no gap.
     */
    @ApplicationScoped
    public static class Stream implements TaskDefinition {

        private final WalStreamer streamer;

        Stream(WalStreamer streamer) {
            this.streamer = streamer;
        }

        @Override
        public String type() {
            return WalTasks.STREAM;
        }

        @Override
        public List<StepDefinition> steps() {
            return List.of(step("stream-wal", 100, RESUME, streamer::stream).runsUntilCancelled());
        }

        @Override
        public void release(StepContext context) throws Exception {
            streamer.release(context);
        }
    }
}
