package io.drsuite.console.pages;

import io.quarkus.qute.TemplateExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the pages write figures: bytes in binary units, durations in the largest sensible unit, instants in UTC. */
@TemplateExtension
public final class Formats {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** {@code 1536} -> {@code 1.5 KiB}; unknown -> {@code –}. */
    public static String bytes(Long value) {
        if (value == null) {
            return "–";
        }
        double scaled = value;
        int unit = 0;
        while (Math.abs(scaled) >= 1024 && unit < UNITS.length - 1) {
            scaled /= 1024;
            unit++;
        }
        return unit == 0 ? value + " B" : String.format(Locale.ROOT, "%.1f %s", scaled, UNITS[unit]);
    }

    /** {@code 0.25} -> {@code 0.25 s}; {@code 95} -> {@code 1 min 35 s}; unknown -> {@code –}. */
    public static String seconds(Double value) {
        if (value == null) {
            return "–";
        }
        if (value < 60) {
            return String.format(Locale.ROOT, value < 10 ? "%.2f s" : "%.0f s", value);
        }
        Duration duration = Duration.ofMillis((long) (value * 1000));
        if (duration.toHours() > 0) {
            return duration.toHours() + " h " + duration.toMinutesPart() + " min";
        }
        return duration.toMinutes() + " min " + duration.toSecondsPart() + " s";
    }

    /** Machine-readable instant for {@code <time datetime>}; console.js shows it in the browser's zone. */
    public static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** The instant as the page shows it before console.js localises it, and as the hover text. */
    public static String utc(Instant instant) {
        return instant == null ? "–" : UTC.format(instant);
    }

    /** A task type as people say it: {@code dr.switchover} -> {@code switchover}, {@code cluster.add-node} -> {@code add node}. */
    public static String operationName(String taskType) {
        if (taskType == null) {
            return "–";
        }
        return taskType.substring(taskType.indexOf('.') + 1).replace('-', ' ').replace('_', ' ');
    }

    /** {@code disaster_standby} -> {@code disaster standby}. */
    public static String words(String wireName) {
        return wireName == null ? "–" : wireName.replace('_', ' ');
    }
}
