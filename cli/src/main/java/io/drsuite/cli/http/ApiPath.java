package io.drsuite.cli.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.drsuite.cli.CliFailure;
import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.List;

/**
 * A path of a service's API with its query, built from a template whose {@code {}} placeholders are filled with
 * percent-encoded path segments: a name typed by the user never changes which resource is addressed.
 */
public final class ApiPath {

    private final String path;
    private final List<String> query = new ArrayList<>();

    private ApiPath(String path) {
        this.path = path;
    }

    public static ApiPath of(String template, Object... segments) {
        StringBuilder path = new StringBuilder();
        int next = 0;
        int from = 0;
        for (int at = template.indexOf("{}"); at >= 0; at = template.indexOf("{}", from)) {
            if (next >= segments.length) {
                throw new IllegalArgumentException("too few segments for " + template);
            }
            path.append(template, from, at).append(segment(String.valueOf(segments[next++])));
            from = at + 2;
        }
        if (next != segments.length) {
            throw new IllegalArgumentException("too many segments for " + template);
        }
        return new ApiPath(path.append(template.substring(from)).toString());
    }

    /** Adds a query parameter unless the value is null. */
    public ApiPath query(String name, Object value) {
        if (value != null) {
            query.add(encode(name) + "=" + encode(String.valueOf(value)));
        }
        return this;
    }

    @Override
    public String toString() {
        return query.isEmpty() ? path : path + "?" + String.join("&", query);
    }

    private static String segment(String value) {
        if (value.isEmpty() || value.equals(".") || value.equals("..")) {
            throw CliFailure.usage("'" + value + "' is not a name");
        }
        return encode(value);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, UTF_8).replace("+", "%20");
    }
}
