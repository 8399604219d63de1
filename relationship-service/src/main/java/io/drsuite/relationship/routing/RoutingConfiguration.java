package io.drsuite.relationship.routing;

import io.drsuite.platform.problem.ProblemException;
import io.drsuite.platform.secrets.SecretBinding;
import io.drsuite.platform.secrets.SecretSealer;
import io.drsuite.relationship.model.Cluster;
import io.drsuite.relationship.model.Relationship;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads, replaces and removes the routing of a cluster (by name) or a relationship (by id). The secrets are sealed
 * bound to the owner before they are stored and never shown again.
 */
@ApplicationScoped
public class RoutingConfiguration {

    private static final int MIN_TSIG_KEY_BYTES = 16;

    private final SecretSealer sealer;

    RoutingConfiguration(SecretSealer sealer) {
        this.sealer = sealer;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RoutingView ofCluster(String name) {
        Cluster cluster = cluster(name);
        return RoutingView.of(owner(cluster), RoutingSettings.forOwner(cluster.id).orElse(null));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RoutingView ofRelationship(UUID id) {
        Relationship relationship = relationship(id);
        return RoutingView.of(owner(relationship), RoutingSettings.forOwner(relationship.id).orElse(null));
    }

    @Transactional
    public RoutingView configureCluster(String name, RoutingRequest request) {
        Cluster cluster = cluster(name);
        RoutingSettings settings = RoutingSettings.forOwner(cluster.id)
                .orElseGet(() -> RoutingSettings.ofCluster(cluster.id));
        apply(settings, request);
        return RoutingView.of(owner(cluster), settings);
    }

    @Transactional
    public RoutingView configureRelationship(UUID id, RoutingRequest request) {
        Relationship relationship = relationship(id);
        RoutingSettings settings = RoutingSettings.forOwner(relationship.id)
                .orElseGet(() -> RoutingSettings.ofRelationship(relationship.id));
        apply(settings, request);
        return RoutingView.of(owner(relationship), settings);
    }

    @Transactional
    public void removeFromCluster(String name) {
        RoutingSettings.deleteById(cluster(name).id);
    }

    @Transactional
    public void removeFromRelationship(UUID id) {
        RoutingSettings.deleteById(relationship(id).id);
    }

    /** Checks the whole request first, so a refused one changes nothing, then replaces the settings. */
    private void apply(RoutingSettings settings, RoutingRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("dns", "the body must name dns, webhooks or both");
        }
        RoutingRequest.Dns dns = request.dns();
        String dnsSecret = dns == null ? null : dnsSecret(settings, dns);
        List<RoutingRequest.WebhookEntry> webhooks = request.webhooksOrNone();
        Set<String> urls = new HashSet<>();
        for (int i = 0; i < webhooks.size(); i++) {
            RoutingRequest.WebhookEntry webhook = webhooks.get(i);
            requireHttpUrl(webhook.url(), "webhooks[" + i + "].url");
            if (!urls.add(webhook.url())) {
                throw ProblemException.badRequest("webhooks[" + i + "].url", "the webhook " + webhook.url()
                        + " is listed twice");
            }
            if (webhook.secret() == null && settings.webhook(webhook.url()).isEmpty()) {
                throw ProblemException.badRequest("webhooks[" + i + "].secret", "a new webhook needs a secret "
                        + "(16 to 512 characters) to sign its calls");
            }
        }

        if (dns == null) {
            settings.clearDns();
        } else {
            settings.dnsServer = dns.server();
            settings.dnsPort = dns.portOrDefault();
            settings.dnsZone = dns.zone().toLowerCase(Locale.ROOT);
            settings.dnsName = dns.name().toLowerCase(Locale.ROOT);
            settings.dnsTtl = dns.ttlOrDefault();
            settings.dnsKeyName = dns.keyName();
            settings.dnsAlgorithm = dns.algorithmOrDefault();
            settings.dnsSecretSealed = dnsSecret;
        }
        List<Webhook> kept = webhooks.stream().map(entry -> webhook(settings, entry)).toList();
        for (int i = 0; i < kept.size(); i++) {
            kept.get(i).position = i;
        }
        settings.webhooks.removeIf(webhook -> !kept.contains(webhook));
        kept.stream().filter(webhook -> !settings.webhooks.contains(webhook)).forEach(settings.webhooks::add);
        settings.webhooks.sort(java.util.Comparator.comparingInt(webhook -> webhook.position));
        settings.updatedAt = Instant.now();
        if (!settings.isPersistent()) {
            settings.persist();
        }
    }

    /** The sealed TSIG key: the one given, or the one stored when none is given. */
    private String dnsSecret(RoutingSettings settings, RoutingRequest.Dns dns) {
        String zone = dns.zone().toLowerCase(Locale.ROOT);
        String name = dns.name().toLowerCase(Locale.ROOT);
        if (!name.endsWith("." + zone)) {
            throw ProblemException.badRequest("dns.name", "the name " + dns.name() + " is not inside the zone "
                    + dns.zone());
        }
        if (dns.secret() == null) {
            if (!settings.hasDns()) {
                throw ProblemException.badRequest("dns.secret", "a new DNS route needs its TSIG key (base64)");
            }
            return settings.dnsSecretSealed;
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(dns.secret().strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("dns.secret", "the TSIG key must be base64, as in BIND's key "
                    + "statement");
        }
        if (key.length < MIN_TSIG_KEY_BYTES) {
            throw ProblemException.badRequest("dns.secret", "the TSIG key must be at least " + MIN_TSIG_KEY_BYTES
                    + " bytes (tsig-keygen makes 32)");
        }
        return sealer.seal(dns.secret().strip(), SecretBinding.dnsTsigKey(settings.ownerId));
    }

    private Webhook webhook(RoutingSettings settings, RoutingRequest.WebhookEntry entry) {
        Optional<Webhook> existing = settings.webhook(entry.url());
        Webhook webhook = existing.orElseGet(() -> {
            Webhook created = new Webhook();
            created.id = UUID.randomUUID();
            created.owner = settings;
            created.url = entry.url();
            return created;
        });
        if (entry.secret() != null) {
            webhook.secretSealed = sealer.seal(entry.secret(), SecretBinding.webhookSecret(settings.ownerId));
        }
        return webhook;
    }

    private static void requireHttpUrl(String url, String field) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw ProblemException.badRequest(field, "not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw ProblemException.badRequest(field, "a webhook URL must be http or https");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw ProblemException.badRequest(field, "a webhook URL must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw ProblemException.badRequest(field, "a webhook URL must not carry credentials: the calls are "
                    + "signed with the webhook's secret");
        }
        if (uri.getRawFragment() != null) {
            throw ProblemException.badRequest(field, "a webhook URL has no fragment");
        }
    }

    private static Cluster cluster(String name) {
        return Cluster.findByName(name)
                .orElseThrow(() -> ProblemException.notFound("cluster", "no cluster named '" + name + "'"));
    }

    private static Relationship relationship(UUID id) {
        return Relationship.<Relationship>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("relationship", "no relationship " + id));
    }

    static RoutingView.Owner owner(Cluster cluster) {
        return new RoutingView.Owner(OwnerKind.CLUSTER.wireName(), cluster.id, cluster.name);
    }

    static RoutingView.Owner owner(Relationship relationship) {
        return new RoutingView.Owner(OwnerKind.RELATIONSHIP.wireName(), relationship.id, relationship.name);
    }
}
