package io.drsuite.console.pages.task;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A value a step recorded (an LSN, a node name, a time). Steps record no secrets; should a key ever name one, its
 * value is not shown.
 */
public record TaskArtifact(String key, String value, boolean hidden) {

    private static final Pattern SECRET = Pattern.compile("password|secret|token|credential|private|tsig");

    static TaskArtifact of(String key, String value) {
        boolean secret = SECRET.matcher(key.toLowerCase(Locale.ROOT)).find();
        return new TaskArtifact(key, secret ? null : value, secret);
    }
}
