package io.drsuite.platform.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.drsuite.platform.problem.ProblemException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CronScheduleTest {

    @Test
    void theNextTimeIsTheFirstMatchStrictlyAfterInUtc() {
        CronSchedule nightly = CronSchedule.parse(" 30 2 * * * ");

        assertEquals("30 2 * * *", nightly.expression());
        assertEquals(at("2026-12-03T02:30:00Z"), nightly.nextAfter(Instant.parse("2026-12-03T01:00:00Z")));
        assertEquals(at("2026-12-04T02:30:00Z"), nightly.nextAfter(Instant.parse("2026-12-03T02:30:00Z")));
        assertEquals(at("2026-12-03T11:21:00Z"), CronSchedule.parse("* * * * *")
                .nextAfter(Instant.parse("2026-12-03T11:20:05.123Z")));
        assertEquals(at("2026-12-06T03:00:00Z"), CronSchedule.parse("0 3 * * 0")
                .nextAfter(Instant.parse("2026-12-03T00:00:00Z")));
    }

    @Test
    void anExpressionThatIsNotFiveFieldUnixCronIsA400NamingTheSchedule() {
        for (String bad : new String[] {"61 * * * *", "* * *", "0 3 * * * *", "every day", ""}) {
            ProblemException refused = assertThrows(ProblemException.class, () -> CronSchedule.parse(bad), bad);
            assertEquals(400, refused.problem().status(), bad);
            assertEquals("schedule", refused.problem().field(), bad);
            assertTrue(refused.problem().detail().contains("Unix cron"), bad);
        }
    }

    private static Optional<Instant> at(String instant) {
        return Optional.of(Instant.parse(instant));
    }
}
