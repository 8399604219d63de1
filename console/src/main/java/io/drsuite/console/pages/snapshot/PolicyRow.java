package io.drsuite.console.pages.snapshot;

import static io.drsuite.console.pages.JsonFields.instant;
import static io.drsuite.console.pages.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A backup policy: its schedule (cron, UTC), what it keeps, and when it runs next. */
public record PolicyRow(String name, String cluster, String kind, String database, String schedule,
        Integer keepLast, String maxAge, String recoveryWindow, String storage, boolean suspended, Instant lastRunAt,
        Instant nextRunAt, String lastError) {

    static PolicyRow of(JsonNode policy) {
        JsonNode retention = policy.path("retention");
        return new PolicyRow(text(policy.path("name")), text(policy.path("cluster")), text(policy.path("kind")),
                text(policy.path("database")), text(policy.path("schedule")),
                retention.path("keepLast").isNumber() ? retention.path("keepLast").asInt() : null,
                text(retention.path("maxAge")), text(retention.path("recoveryWindow")), text(policy.path("storage")),
                policy.path("suspended").asBoolean(),
                instant(policy.path("lastRunAt")), instant(policy.path("nextRunAt")), text(policy.path("lastError")));
    }

    /** {@code keeps the last 7, at most P7D, a base to restore back PT72H}. */
    public String retention() {
        if (keepLast == null && maxAge == null) {
            return "kept until deleted";
        }
        String last = keepLast == null ? null : "the last " + keepLast;
        String age = maxAge == null ? null : "at most " + maxAge;
        String kept = "keeps " + (last == null ? age : age == null ? last : last + ", " + age);
        return recoveryWindow == null ? kept : kept + ", a base to restore back " + recoveryWindow;
    }
}
