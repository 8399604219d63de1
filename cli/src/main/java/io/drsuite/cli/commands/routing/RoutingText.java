package io.drsuite.cli.commands.routing;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.output.Json;

/** How routing documents read for people: one line per DNS route, webhook and webhook call. */
final class RoutingText {

    private RoutingText() {
    }

    /** "shop-rw.db.example. (zone db.example., server 10.0.0.53:53, ttl 30 s, key drsuite hmac-sha256, secret set)". */
    static String dns(JsonNode dns) {
        if (dns == null || dns.isNull() || dns.isMissingNode()) {
            return "none";
        }
        return Json.text(dns, "name") + " (zone " + Json.text(dns, "zone") + ", server " + Json.text(dns, "server")
                + ":" + Json.text(dns, "port") + ", ttl " + Json.text(dns, "ttl") + " s"
                + (Json.text(dns, "keyName").isEmpty() ? "" : ", key " + Json.text(dns, "keyName") + " "
                        + Json.text(dns, "algorithm"))
                + (dns.path("secretSet").asBoolean() ? ", secret set" : ", no secret") + ")";
    }

    static String webhook(JsonNode webhook) {
        return Json.text(webhook, "url") + (webhook.path("secretSet").asBoolean() ? " (signed, secret set)"
                : " (no secret)");
    }

    /** "prod-1 -> prod-2 (cluster.switchover)". */
    static String change(JsonNode call) {
        JsonNode change = call.path("change");
        if (change.isMissingNode() || change.isNull()) {
            return "";
        }
        return Json.text(change, "oldPrimary") + " -> " + Json.text(change, "newPrimary") + " ("
                + Json.text(change, "operation") + ")";
    }

    /** "200", "503: Service Unavailable", or "-" before the first attempt. */
    static String lastAnswer(JsonNode call) {
        String status = Json.text(call, "lastStatus");
        String error = Json.text(call, "lastError");
        if (status.isEmpty() && error.isEmpty()) {
            return "-";
        }
        return status.isEmpty() ? error : error.isEmpty() ? status : status + ": " + error;
    }
}
