package io.drsuite.console.pages.alert;

import io.drsuite.console.pages.QueryString;
import io.drsuite.console.services.Service;
import io.drsuite.console.services.SuiteApi;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Every alert monitor-service raised, newest first, filtered by state and rule with a plain GET form so a filtered
 * list can be bookmarked or sent to a colleague; shown a page at a time.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AlertsPage {

    static final int PAGE = 50;

    /** @param shown how many of the matching alerts the page shows; more are a "show more" link away */
    record AlertList(String state, String rule, List<String> rules, List<AlertRow> alerts, int matching, int shown) {

        public boolean more() {
            return matching > shown;
        }

        public String query() {
            return new QueryString().with("state", state).with("rule", rule).with("shown", shown).toString();
        }

        public String moreQuery() {
            return new QueryString().with("state", state).with("rule", rule).with("shown", shown + PAGE).toString();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance alerts(AlertList list);

        static native TemplateInstance list(AlertList list);
    }

    private final SuiteApi api;

    AlertsPage(SuiteApi api) {
        this.api = api;
    }

    @GET
    @Path("/alerts")
    public TemplateInstance alerts(@QueryParam("state") String state, @QueryParam("rule") String rule,
            @QueryParam("shown") @DefaultValue("50") int shown) {
        return Templates.alerts(read(state, rule, shown));
    }

    @GET
    @Path("/fragments/alerts/list")
    public TemplateInstance list(@QueryParam("state") String state, @QueryParam("rule") String rule,
            @QueryParam("shown") @DefaultValue("50") int shown) {
        return Templates.list(read(state, rule, shown));
    }

    private AlertList read(String state, String rule, int shown) {
        String asked = "firing".equals(state) || "resolved".equals(state) ? state : null;
        String ruleAsked = rule == null || rule.isBlank() ? null : rule.strip();
        Map<String, Object> query = new HashMap<>();
        query.put("limit", 200);
        query.put("state", asked);
        TreeSet<String> rules = new TreeSet<>();
        List<AlertRow> matching = new ArrayList<>();
        api.list(Service.MONITOR, "/api/v1/alerts", query).forEach(alert -> {
            AlertRow row = AlertRow.of(alert);
            rules.add(row.rule());
            if (ruleAsked == null || ruleAsked.equals(row.rule())) {
                matching.add(row);
            }
        });
        if (ruleAsked != null) {
            rules.add(ruleAsked);
        }
        int limit = Math.max(PAGE, shown);
        return new AlertList(asked, ruleAsked, List.copyOf(rules), matching.stream().limit(limit).toList(),
                matching.size(), Math.min(limit, matching.size()));
    }
}
