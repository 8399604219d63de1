package io.drsuite.relationship.routing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The routing of a cluster or a relationship, as the API shows it: secrets only as {@code secretSet}.
 *
 * @param dns the name that follows the primary, or null
 * @param updatedAt when it was last changed; null when nothing is configured
 */
public record RoutingView(Owner owner, DnsView dns, List<WebhookView> webhooks, Instant updatedAt) {

    /** Whose routing this is: a cluster (by name) or a relationship. */
    @Schema(name = "RoutingOwner", description = "Whose routing this is: a cluster or a relationship")
    public record Owner(String kind, UUID id, String name) {
    }

    @Schema(name = "DnsRouteView", description = "The DNS name that follows the primary; the key only as secretSet")
    public record DnsView(String server, int port, String zone, String name, int ttl, String keyName,
            String algorithm, boolean secretSet) {
    }

    @Schema(name = "WebhookView", description = "A webhook; its key only as secretSet")
    public record WebhookView(String url, boolean secretSet) {
    }

    static RoutingView of(Owner owner, RoutingSettings settings) {
        if (settings == null) {
            return new RoutingView(owner, null, List.of(), null);
        }
        DnsView dns = settings.hasDns() ? new DnsView(settings.dnsServer, settings.dnsPort, settings.dnsZone,
                settings.dnsName, settings.dnsTtl, settings.dnsKeyName, settings.dnsAlgorithm,
                settings.dnsSecretSealed != null) : null;
        return new RoutingView(owner, dns, settings.webhooks.stream()
                .map(webhook -> new WebhookView(webhook.url, webhook.secretSealed != null)).toList(),
                settings.updatedAt);
    }
}
