package io.drsuite.platform.secrets;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Objects;
import java.util.UUID;

/**
 * The owner a sealed secret belongs to: the cluster (by id, which is never reused, unlike a name) and the field.
 * It is the associated data of the authenticated encryption, so a sealed value copied into another cluster's row or
 * event, or into another field, does not open.
 */
public record SecretBinding(UUID clusterId, SecretField field) {

    public SecretBinding {
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(field, "field");
    }

    public static SecretBinding adminPassword(UUID clusterId) {
        return new SecretBinding(clusterId, SecretField.ADMIN_PASSWORD);
    }

    public static SecretBinding replicationPassword(UUID clusterId) {
        return new SecretBinding(clusterId, SecretField.REPLICATION_PASSWORD);
    }

    /** The password of the cluster's monitoring role, as monitor-service keeps it. */
    public static SecretBinding monitorPassword(UUID clusterId) {
        return new SecretBinding(clusterId, SecretField.MONITOR_PASSWORD);
    }

    /** A DNS route's TSIG key, bound to the cluster or relationship the route belongs to (ids are never reused). */
    public static SecretBinding dnsTsigKey(UUID ownerId) {
        return new SecretBinding(ownerId, SecretField.DNS_TSIG_KEY);
    }

    /** A webhook's signing key, bound to the cluster or relationship the webhook belongs to. */
    public static SecretBinding webhookSecret(UUID ownerId) {
        return new SecretBinding(ownerId, SecretField.WEBHOOK_SECRET);
    }

    /** The GCM associated data; the key id is part of it, so a value cannot be relabelled with another key id. */
    byte[] associatedData(String keyId) {
        return ("drsuite-secret:v2|key:" + keyId + "|cluster:" + clusterId + "|field:" + field.label())
                .getBytes(UTF_8);
    }

    @Override
    public String toString() {
        return "cluster " + clusterId + ", " + field.label();
    }
}
