package io.drsuite.console.pages.audit;

import static io.drsuite.console.pages.FormFields.blankToNull;

import io.drsuite.console.pages.QueryString;
import java.util.Set;

/**
 * What the audit page is asked to show: the filters every service's audit API applies (from, to, actor, target,
 * operation) and the two the console applies to what they answer (outcome, service). All optional.
 */
public record AuditSearch(String from, String to, String actor, String target, String operation, String outcome,
        String service, int shown) {

    static final Set<String> OUTCOMES = Set.of("accepted", "refused", "failed");

    static AuditSearch of(String from, String to, String actor, String target, String operation, String outcome,
            String service, Integer shown) {
        String knownOutcome = outcome != null && OUTCOMES.contains(outcome) ? outcome : null;
        return new AuditSearch(blankToNull(from), blankToNull(to), blankToNull(actor), blankToNull(target),
                blankToNull(operation), knownOutcome, blankToNull(service),
                shown == null || shown < AuditPage.PAGE ? AuditPage.PAGE : Math.min(shown, 500));
    }

    /** These filters as a link's query, showing {@code count} records. */
    public String query(int count) {
        return new QueryString().with("from", from).with("to", to).with("actor", actor).with("target", target)
                .with("operation", operation).with("outcome", outcome).with("service", service)
                .with("shown", count).toString();
    }

    public String query() {
        return query(shown);
    }

    public String moreQuery() {
        return query(shown + AuditPage.PAGE);
    }

    boolean admits(AuditRow row) {
        return outcome == null || outcome.equals(row.outcome());
    }
}
