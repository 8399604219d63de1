package io.drsuite.platform.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.drsuite.platform.problem.ProblemException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A schedule of the suite's (a backup policy's, a drill plan's): a Unix cron expression (minute hour day-of-month
 * month day-of-week), evaluated in UTC, the same way the services' scheduler runs it
 * ({@code quarkus.scheduler.cron-type=unix}). One parser for every service, so an expression one accepts the others
 * accept too.
 */
public final class CronSchedule {

    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final Cron cron;

    private CronSchedule(Cron cron) {
        this.cron = cron;
    }

    /** The schedule, or a 400 that says what is wrong with the expression. */
    public static CronSchedule parse(String expression) {
        try {
            return new CronSchedule(PARSER.parse(expression.strip()).validate());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("schedule", "schedule must be a Unix cron expression with five fields "
                    + "(minute hour day-of-month month day-of-week), e.g. '30 2 * * *': " + e.getMessage());
        }
    }

    public Optional<Instant> nextAfter(Instant moment) {
        return ExecutionTime.forCron(cron).nextExecution(moment.atZone(ZoneOffset.UTC)).map(at -> at.toInstant());
    }

    public String expression() {
        return cron.asString();
    }
}
