package io.drsuite.relationship.drill;

import io.drsuite.events.task.DrillTasks;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a drill rehearses, and the task that runs it. Only the failover rehearsal exists so far. */
public enum DrillKind {

    /** A promoted throwaway copy of the DR main standby on a sandbox; production and DR go on throughout. */
    FAILOVER_REHEARSAL(DrillTasks.FAILOVER_REHEARSAL);

    private final String taskType;

    DrillKind(String taskType) {
        this.taskType = taskType;
    }

    public String taskType() {
        return taskType;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DrillKind> fromWire(String value) {
        return Arrays.stream(values()).filter(kind -> kind.wireName().equals(value)).findFirst();
    }

    public static Optional<DrillKind> ofTaskType(String taskType) {
        return Arrays.stream(values()).filter(kind -> kind.taskType.equals(taskType)).findFirst();
    }
}
