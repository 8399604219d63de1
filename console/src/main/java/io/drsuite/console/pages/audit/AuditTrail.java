package io.drsuite.console.pages.audit;

import io.drsuite.console.services.Service;
import io.drsuite.console.services.ServiceRefusal;
import io.drsuite.console.services.SuiteApi;
import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The suite's audit trail read as the signed-in user: each service's own log searched with the same filters, merged
 * newest first. A service that cannot be read is named and the others are shown; a filter a service refuses (a time
 * that is not ISO-8601) is the user's to fix and is shown as the refusal.
 */
@RequestScoped
public class AuditTrail {

    /** Each service is asked for this many matching records, newest first; the merge keeps the newest overall. */
    private static final int READ = 500;

    private final SuiteApi api;

    AuditTrail(SuiteApi api) {
        this.api = api;
    }

    /** @param unread services whose log could not be read, with why */
    public record Merged(List<AuditRow> records, boolean more, List<String> unread) {
    }

    public Merged search(AuditSearch search) {
        Map<String, Object> query = new HashMap<>();
        query.put("from", search.from());
        query.put("to", search.to());
        query.put("actor", search.actor());
        query.put("target", search.target());
        query.put("operation", search.operation());
        query.put("limit", READ);
        List<List<AuditRow>> logs = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        for (Service service : services(search)) {
            try {
                List<AuditRow> log = new ArrayList<>();
                api.get(service, "/api/v1/audit", query).forEach(record -> {
                    AuditRow row = AuditRow.of(record);
                    if (search.admits(row)) {
                        log.add(row);
                    }
                });
                logs.add(log);
            } catch (ServiceRefusal refusal) {
                if (refusal.status() == 400) {
                    throw refusal;
                }
                unread.add(service.displayName() + ": " + refusal.title());
            }
        }
        List<AuditRow> merged = AuditMerge.newestFirst(logs, search.shown() + 1);
        boolean more = merged.size() > search.shown();
        return new Merged(more ? merged.subList(0, search.shown()) : merged, more, unread);
    }

    /** Each service's chain state; one that cannot be read says so. */
    public List<ChainState> chains() {
        List<ChainState> chains = new ArrayList<>();
        for (Service service : Service.values()) {
            try {
                chains.add(ChainState.of(service.displayName(), api.get(service, "/api/v1/audit/verification")));
            } catch (ServiceRefusal refusal) {
                chains.add(ChainState.unread(service.displayName(), refusal.title()));
            }
        }
        return chains;
    }

    private static List<Service> services(AuditSearch search) {
        List<Service> services = new ArrayList<>();
        for (Service service : Service.values()) {
            if (search.service() == null || search.service().equals(service.displayName())) {
                services.add(service);
            }
        }
        return services;
    }
}
