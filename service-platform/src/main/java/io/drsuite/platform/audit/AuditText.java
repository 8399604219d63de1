package io.drsuite.platform.audit;

/** Keeps caller-supplied text in an audit record to a sane length. */
final class AuditText {

    static final int LIMIT = 1000;

    private AuditText() {
    }

    static String cut(String text) {
        return text == null || text.length() <= LIMIT ? text : text.substring(0, LIMIT);
    }
}
