package io.drsuite.console.pages;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

/** What the pages' form handlers share: reading an optional field, and sending the browser back to a page. */
public final class FormFields {

    private FormFields() {
    }

    /** A field left empty is a field not given; a given one without its surrounding spaces. */
    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /**
     * {@code 303 See Other} to a page of the console, with the query parameters that have a value.
     *
     * @param parameters names and values, alternately; a null value leaves its parameter out
     */
    public static Response backTo(String path, Object... parameters) {
        UriBuilder page = UriBuilder.fromPath(path);
        for (int i = 0; i + 1 < parameters.length; i += 2) {
            if (parameters[i + 1] != null) {
                page.queryParam(parameters[i].toString(), parameters[i + 1]);
            }
        }
        return Response.seeOther(page.build()).build();
    }
}
