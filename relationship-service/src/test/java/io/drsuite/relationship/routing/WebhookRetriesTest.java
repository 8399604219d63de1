package io.drsuite.relationship.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How long a failed webhook call waits before its next attempt, when it is given up, and how it is signed. */
class WebhookRetriesTest {

    private static final WebhookConfig DEFAULTS = new WebhookConfig() {
        @Override
        public Duration pollInterval() {
            return Duration.ofSeconds(1);
        }

        @Override
        public Duration timeout() {
            return Duration.ofSeconds(5);
        }

        @Override
        public int maxAttempts() {
            return 10;
        }

        @Override
        public Duration firstRetryAfter() {
            return Duration.ofSeconds(1);
        }

        @Override
        public Duration maxRetryAfter() {
            return Duration.ofMinutes(5);
        }

        @Override
        public int batchSize() {
            return 16;
        }
    };

    @Test
    void theWaitDoublesFromOneSecondUpToFiveMinutes() {
        assertThat(WebhookDelivery.retryAfter(1, DEFAULTS)).isEqualTo(Duration.ofSeconds(1));
        assertThat(WebhookDelivery.retryAfter(2, DEFAULTS)).isEqualTo(Duration.ofSeconds(2));
        assertThat(WebhookDelivery.retryAfter(3, DEFAULTS)).isEqualTo(Duration.ofSeconds(4));
        assertThat(WebhookDelivery.retryAfter(9, DEFAULTS)).isEqualTo(Duration.ofSeconds(256));
        assertThat(WebhookDelivery.retryAfter(10, DEFAULTS)).isEqualTo(Duration.ofMinutes(5));
        assertThat(WebhookDelivery.retryAfter(60, DEFAULTS)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aCallIsGivenUpAfterTheLastAttempt() {
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.state = DeliveryState.PENDING;
        Instant now = Instant.parse("2026-12-02T12:00:00Z");
        delivery.attempts = 9;
        delivery.markFailedAttempt(503, "HTTP 503", now, DEFAULTS);
        assertThat(delivery.state).isEqualTo(DeliveryState.PENDING);
        assertThat(delivery.nextAttemptAt).isEqualTo(now.plusSeconds(256));

        delivery.attempts = 10;
        delivery.markFailedAttempt(null, "HttpConnectTimeoutException: timed out", now, DEFAULTS);
        assertThat(delivery.state).isEqualTo(DeliveryState.FAILED);
        assertThat(delivery.lastStatus).isNull();
        assertThat(delivery.lastError).contains("timed out");
    }

    @Test
    void theSignatureIsTheHexHmacSha256OfTheBody() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        assertThat(WebhookSignature.of("what do ya want for nothing?".getBytes(StandardCharsets.UTF_8), "Jefe"))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
}
