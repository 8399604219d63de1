package io.drsuite.relationship.drill;

import static org.assertj.core.api.Assertions.assertThat;

import io.drsuite.events.task.TaskResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdict rules, each failing item named in its own sentence, and the escaping the HTML report relies on. */
class DrillVerdictTest {

    @Test
    void passesOnlyWhenTheTaskSucceededEveryCheckPassedAndTheFiguresAreWithinTheObjectives() {
        Drill drill = drill(TaskResult.SUCCEEDED, 3.0, 1.0, 3, 1);
        assertThat(DrillVerdict.of(drill).passed()).isTrue();

        drill.rtoSeconds = 3.0001;
        drill.rpoSeconds = 12.5;
        assertThat(DrillVerdict.of(drill).reasons()).containsExactly("RTO 3 s above the objective of 3 s",
                "RPO 12.5 s above the objective of 1 s");
    }

    @Test
    void noObjectivesJudgeOnlyTheTaskAndTheChecks() {
        Drill drill = drill(TaskResult.SUCCEEDED, 600.0, 60.0, null, null);
        assertThat(DrillVerdict.of(drill).passed()).isTrue();
        drill.checks = List.of(new CheckOutcome("public.orders", "table", false, "row counts differ: 3 and 4"));
        assertThat(DrillVerdict.of(drill).reasons()).containsExactly("check public.orders: row counts differ: 3 and 4");
        drill.checks = List.of();
        assertThat(DrillVerdict.of(drill).reasons()).containsExactly("the task reported no checks");
    }

    @Test
    void aTaskThatDidNotSucceedFailsTheDrillWithoutBlamingTheFiguresItNeverMeasured() {
        Drill cancelled = drill(TaskResult.CANCELLED, null, null, 3, 1);
        cancelled.checks = List.of();
        assertThat(DrillVerdict.of(cancelled).reasons()).containsExactly("task was cancelled");
        Drill failed = drill(TaskResult.FAILED, null, null, 3, 1);
        failed.failedStep = "promote-copy";
        failed.taskError = "timed out";
        assertThat(DrillVerdict.of(failed).reasons()).containsExactly(
                "task failed at step promote-copy: timed out");
    }

    @Test
    void htmlTextEscapesMarkupAndQuotes() {
        assertThat(HtmlText.escape("<script>alert('x') & \"y\"</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
        assertThat(HtmlText.escape(null)).isEmpty();
    }

    @Test
    void aRoundTripIsJudgedByItsLongerOutageAndLosesNoAcknowledgedCommit() {
        Drill trip = drill(TaskResult.SUCCEEDED, 1.5, null, 2, 1);
        trip.kind = DrillKind.SWITCHOVER_ROUND_TRIP;
        trip.canaryLostCommits = 0L;
        assertThat(DrillVerdict.of(trip).passed()).as("no RPO objective applies to a planned round trip").isTrue();
        trip.rtoSeconds = 2.25;
        trip.canaryLostCommits = 3L;
        assertThat(DrillVerdict.of(trip).reasons()).containsExactly("Write outage 2.25 s above the objective of 2 s",
                "3 acknowledged canary commits were lost");
        trip.canaryLostCommits = null;
        trip.rtoSeconds = 1.0;
        assertThat(DrillVerdict.of(trip).reasons()).containsExactly("the canary's commits were not counted");
    }

    @Test
    void aRestoreTestIsJudgedByItsRestoreTimeAlone() {
        Drill test = drill(TaskResult.SUCCEEDED, null, null, 1, 1);
        test.kind = DrillKind.RESTORE_TEST;
        test.restoreSeconds = 42.0;
        assertThat(DrillVerdict.of(test).passed()).isTrue();
        test.restoreObjectiveSeconds = 30;
        assertThat(DrillVerdict.of(test).reasons()).containsExactly("Restore time 42 s above the objective of 30 s");
    }

    private static Drill drill(TaskResult result, Double rto, Double rpo, Integer rtoObjective, Integer rpoObjective) {
        Drill drill = new Drill();
        drill.kind = DrillKind.FAILOVER_REHEARSAL;
        drill.taskState = result;
        drill.rtoSeconds = rto;
        drill.rpoSeconds = rpo;
        drill.rtoObjectiveSeconds = rtoObjective;
        drill.rpoObjectiveSeconds = rpoObjective;
        drill.checks = List.of(new CheckOutcome("connect", "connect", true, "ok"));
        return drill;
    }
}
