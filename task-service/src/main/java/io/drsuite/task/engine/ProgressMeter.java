package io.drsuite.task.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reports a step's progress from the meter a client program writes, e.g. pg_basebackup's {@code (42%)}. */
public final class ProgressMeter {

    private static final Pattern PERCENT = Pattern.compile("\\((\\d{1,3})%\\)");

    private ProgressMeter() {
    }

    public static void report(StepContext context, String line) {
        Matcher matcher = PERCENT.matcher(line);
        if (matcher.find()) {
            context.progress(Math.min(100, Integer.parseInt(matcher.group(1))));
        }
    }
}
