package io.drsuite.relationship.drill;

import io.drsuite.events.task.TaskResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A finished drill's verdict: passed only when its task succeeded, every check passed and what it measured is within
 * the objectives it was judged against (a rehearsal's RTO and RPO; a round trip's longer write outage against the RTO,
 * and no acknowledged canary commit lost; a restore test's restore time against the cluster's restore objective);
 * otherwise failed, with one plain sentence per failing item.
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
        switch (drill.kind) {
            case FAILOVER_REHEARSAL -> {
                judge(reasons, drill, "RTO", drill.rtoSeconds, drill.rtoObjectiveSeconds);
                judge(reasons, drill, "RPO", drill.rpoSeconds, drill.rpoObjectiveSeconds);
            }
            case SWITCHOVER_ROUND_TRIP -> {
                judge(reasons, drill, "Write outage", drill.rtoSeconds, drill.rtoObjectiveSeconds);
                if (drill.canaryLostCommits != null && drill.canaryLostCommits > 0) {
                    reasons.add(drill.canaryLostCommits + " acknowledged canary commits were lost");
                } else if (drill.canaryLostCommits == null && drill.taskState == TaskResult.SUCCEEDED) {
                    reasons.add("the canary's commits were not counted");
                }
            }
            case RESTORE_TEST -> judge(reasons, drill, "Restore time", drill.restoreSeconds,
                    drill.restoreObjectiveSeconds);
        }
        return new DrillVerdict(reasons.isEmpty(), List.copyOf(reasons));
    }

    /** A measured figure against its objective, if the drill has one: above it, or not measured by a finished task. */
    private static void judge(List<String> reasons, Drill drill, String figure, Double measured, Integer objective) {
        if (objective == null) {
            return;
        }
        if (measured == null) {
            if (drill.taskState == TaskResult.SUCCEEDED) {
                reasons.add(figure + " was not measured; the objective is " + objective + " s");
            }
        } else if (measured > objective) {
            reasons.add(figure + " " + seconds(measured) + " s above the objective of " + objective + " s");
        }
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
