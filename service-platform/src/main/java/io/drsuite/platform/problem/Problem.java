package io.drsuite.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.net.URI;

/**
 * An RFC 9457 problem detail, the body of every error response.
 *
 * @param type stable identifier of the kind of problem
 * @param title short summary of the kind of problem
 * @param status HTTP status
 * @param detail what went wrong with this request, for a person
 * @param field the offending input field, where there is one
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://drsuite.io/problems/";

    public static Problem of(String kind, String title, int status, String detail) {
        return new Problem(URI.create(TYPE_BASE + kind), title, status, detail, null);
    }

    public Problem withField(String offendingField) {
        return new Problem(type, title, status, detail, offendingField);
    }
}
