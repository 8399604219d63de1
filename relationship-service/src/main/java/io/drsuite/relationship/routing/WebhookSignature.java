package io.drsuite.relationship.routing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a webhook call is signed: {@code X-DrSuite-Signature: sha256=<hex>}, the lower-case hex HMAC-SHA256 of the
 * exact body bytes under the webhook's secret (its UTF-8 bytes). A receiver computes the same over the body it got
 * and compares in constant time.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-DrSuite-Signature";
    public static final String DELIVERY_HEADER = "X-DrSuite-Delivery";
    public static final String TIMESTAMP_HEADER = "X-DrSuite-Timestamp";
    public static final String EVENT_HEADER = "X-DrSuite-Event";
    private static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    public static String of(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
