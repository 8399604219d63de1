package io.drsuite.platform.secrets;

/**
 * Which of a cluster's secrets a sealed value is: part of what the value is bound to, so an admin password cannot be
 * passed off as a replication password (or the other way round).
 */
public enum SecretField {
    ADMIN_PASSWORD("admin-password"),
    REPLICATION_PASSWORD("replication-password"),
    /** The TSIG key that signs a DNS route's dynamic updates. */
    DNS_TSIG_KEY("dns-tsig-key"),
    /** The key that signs a webhook's calls (HMAC). */
    WEBHOOK_SECRET("webhook-secret"),
    /** The password of the monitoring role monitor-service polls a cluster's nodes with ({@code drsuite_monitor}). */
    MONITOR_PASSWORD("monitor-password");

    private final String label;

    SecretField(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
