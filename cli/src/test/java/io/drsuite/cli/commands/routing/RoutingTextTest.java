package io.drsuite.cli.commands.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RoutingTextTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aDnsRouteReadsInOneLineAndNeverShowsItsKey() throws Exception {
        JsonNode dns = json.readTree("""
                {"server": "10.0.0.53", "port": 53, "zone": "db.example.", "name": "shop-rw.db.example.",
                 "ttl": 30, "keyName": "drsuite", "algorithm": "hmac-sha256", "secretSet": true}""");

        assertThat(RoutingText.dns(dns)).isEqualTo("shop-rw.db.example. (zone db.example., server 10.0.0.53:53, "
                + "ttl 30 s, key drsuite hmac-sha256, secret set)");
        assertThat(RoutingText.dns(json.nullNode())).isEqualTo("none");
    }

    @Test
    void aWebhookCallShowsTheChangeAndItsLastAnswer() throws Exception {
        JsonNode call = json.readTree("""
                {"id": 7, "state": "pending", "attempts": 2, "lastStatus": 503, "lastError": "Service Unavailable",
                 "change": {"oldPrimary": "prod-1", "newPrimary": "prod-2", "operation": "cluster.switchover"}}""");
        JsonNode fresh = json.readTree("{\"id\": 8, \"state\": \"pending\", \"attempts\": 0}");

        assertThat(RoutingText.change(call)).isEqualTo("prod-1 -> prod-2 (cluster.switchover)");
        assertThat(RoutingText.lastAnswer(call)).isEqualTo("503: Service Unavailable");
        assertThat(RoutingText.lastAnswer(fresh)).isEqualTo("-");
        assertThat(RoutingText.change(fresh)).isEmpty();
    }
}
