package io.drsuite.relationship.routing;

import io.drsuite.platform.validation.NetworkHost;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code PUT .../routing}: replaces the owner's routing. A secret left out keeps the one stored for the same
 * DNS route or webhook URL; a new route or URL needs one.
 *
 * @param dns the name to point at the new primary, or null for none
 * @param webhooks the URLs to call on every role change
 */
public record RoutingRequest(@Valid Dns dns, @Size(max = 10) List<@NotNull @Valid WebhookEntry> webhooks) {

    /** The example the API documentation shows. */
    static final String EXAMPLE = """
            {"dns": {"server": "10.0.0.53", "port": 53, "zone": "db.example.", "name": "shop-rw.db.example.",
                     "ttl": 30, "keyName": "drsuite-update", "algorithm": "hmac-sha256",
                     "secret": "base64 of the TSIG key, as tsig-keygen prints it"},
             "webhooks": [{"url": "https://hooks.example.com/drsuite", "secret": "a long random signing key"}]}
            """;

    /** An absolute DNS name: labels of letters, digits, '-' or '_', ending with '.'. */
    static final String ABSOLUTE_NAME =
            "(?=.{2,254}$)([A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\\.)+";
    static final String ABSOLUTE_NAME_RULE = "must be an absolute DNS name, ending with '.'";

    public List<WebhookEntry> webhooksOrNone() {
        return webhooks == null ? List.of() : webhooks;
    }

    /**
     * The DNS name and how to update it.
     *
     * @param secret the TSIG key, base64 (as in BIND's key statement); write-only
     */
    @Schema(name = "DnsRouteSettings", description = "The DNS name that follows the primary, and how to update it")
    public record Dns(
            @Schema(description = "The zone's authoritative server that takes dynamic updates",
                    examples = "10.0.0.53") @NotNull @NetworkHost String server,
            @Schema(description = "Its port, 53 when absent") @Min(1) @Max(65535) Integer port,
            @Schema(description = "The zone, absolute", examples = "db.example.")
            @NotNull @Pattern(regexp = ABSOLUTE_NAME, message = ABSOLUTE_NAME_RULE) String zone,
            @Schema(description = "The name that follows the primary, absolute and inside the zone",
                    examples = "shop-rw.db.example.")
            @NotNull @Pattern(regexp = ABSOLUTE_NAME, message = ABSOLUTE_NAME_RULE) String name,
            @Schema(description = "TTL of the record, seconds; 30 when absent") @Min(0) @Max(86400) Integer ttl,
            @Schema(description = "The TSIG key's name, as the server knows it", examples = "drsuite-update")
            @NotNull @Pattern(regexp = "(?=.{1,254}$)[A-Za-z0-9_.-]+", message = "must be a DNS key name")
            String keyName,
            @Schema(description = "The TSIG algorithm, hmac-sha256 when absent",
                    enumeration = {"hmac-sha256", "hmac-sha384", "hmac-sha512"})
            @Pattern(regexp = "hmac-sha(256|384|512)", message = "must be hmac-sha256, hmac-sha384 or hmac-sha512")
            String algorithm,
            @Schema(description = "The TSIG key, base64; write-only, kept when left out on a change",
                    writeOnly = true)
            @Size(max = 512) String secret) {

        public int portOrDefault() {
            return port == null ? 53 : port;
        }

        public int ttlOrDefault() {
            return ttl == null ? 30 : ttl;
        }

        public String algorithmOrDefault() {
            return algorithm == null ? "hmac-sha256" : algorithm;
        }
    }

    /**
     * A URL called on every role change.
     *
     * @param secret the key that signs the calls (HMAC-SHA256); write-only
     */
    @Schema(name = "WebhookSettings", description = "A URL called on every role change")
    public record WebhookEntry(
            @Schema(description = "http or https URL the call is POSTed to",
                    examples = "https://hooks.example.com/drsuite")
            @NotNull @Size(max = 2048) String url,
            @Schema(description = "The key the calls are signed with (16 to 512 characters); write-only, kept when "
                    + "left out for a URL already configured", writeOnly = true)
            @Size(min = 16, max = 512) String secret) {
    }
}
