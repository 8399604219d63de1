package io.drsuite.console.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** A page's filters written back into a link (bookmark, "show more", a fragment's refresh), each value encoded. */
public final class QueryString {

    private final StringJoiner parameters = new StringJoiner("&");

    public QueryString with(String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            parameters.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
        }
        return this;
    }

    /** {@code ?a=1&b=2}, or empty when no parameter has a value. */
    @Override
    public String toString() {
        return parameters.length() == 0 ? "" : "?" + parameters;
    }
}
