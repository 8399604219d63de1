package io.drsuite.relationship.drill;

import io.drsuite.events.task.TaskResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A finished drill's verdict: passed only when its task succeeded, every check passed and the measured RTO and RPO
 * are within the objectives it was judged against; otherwise failed, with one plain sentence per failing item.
 */
public record DrillVerdict(boolean passed, List<String> reasons) {

    public static DrillVerdict of(Drill drill) {
        List<String> reasons = new ArrayList<>();
        if (drill.taskState != TaskResult.SUCCEEDED) {
            reasons.add(taskReason(drill));
        } else if (drill.checks.isEmpty()) {
            reasons.add("the task reported no checks");
        }
        for (CheckOutcome check : drill.checks) {
            if (!check.passed()) {
                reasons.add("check " + check.name() + ": " + (check.detail() == null ? "failed" : check.detail()));
            }
        }
        if (drill.rtoObjectiveSeconds != null) {
            if (drill.rtoSeconds == null) {
                if (drill.taskState == TaskResult.SUCCEEDED) {
                    reasons.add("RTO was not measured; the objective is " + drill.rtoObjectiveSeconds + " s");
                }
            } else if (drill.rtoSeconds > drill.rtoObjectiveSeconds) {
                reasons.add("RTO " + seconds(drill.rtoSeconds) + " s above the objective of "
                        + drill.rtoObjectiveSeconds + " s");
            }
        }
        if (drill.rpoObjectiveSeconds != null) {
            if (drill.rpoSeconds == null) {
                if (drill.taskState == TaskResult.SUCCEEDED) {
                    reasons.add("RPO was not measured; the objective is " + drill.rpoObjectiveSeconds + " s");
                }
            } else if (drill.rpoSeconds > drill.rpoObjectiveSeconds) {
                reasons.add("RPO " + seconds(drill.rpoSeconds) + " s above the objective of "
                        + drill.rpoObjectiveSeconds + " s");
            }
        }
        return new DrillVerdict(reasons.isEmpty(), List.copyOf(reasons));
    }

    private static String taskReason(Drill drill) {
        String ending = drill.taskState == TaskResult.CANCELLED ? "was cancelled" : "failed";
        String where = drill.failedStep == null ? "" : " at step " + drill.failedStep;
        String why = drill.taskError == null ? "" : ": " + drill.taskError;
        return "task " + ending + where + why;
    }

    /** Seconds to three decimals at most, without trailing zeros: 4.2, 3, 0.125. */
    static String seconds(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
