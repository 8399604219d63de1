package io.drsuite.snapshot.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * How long a policy's snapshots are kept: the newest {@code keepLast}, those younger than {@code maxAge} (ISO-8601,
 * e.g. {@code P7D}), or a snapshot must pass both to stay when both are given. The newest completed snapshot is
 * never deleted by retention.
 */
public record RetentionRequest(@Min(1) @Max(100000) Integer keepLast, Duration maxAge) {
}
