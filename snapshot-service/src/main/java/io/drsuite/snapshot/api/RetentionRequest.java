package io.drsuite.snapshot.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * How long a policy's snapshots are kept: the newest {@code keepLast}, those younger than {@code maxAge} (ISO-8601,
 * e.g. {@code P7D}), or a snapshot must pass both to stay when both are given. The newest completed snapshot is
 * never deleted by retention.
 *
 * @param recoveryWindow physical policies: also keep the newest snapshot taken at least this long ago (ISO-8601), so
 *        with the cluster's WAL archive a point-in-time restore reaches any moment of this window
 */
public record RetentionRequest(@Min(1) @Max(100000) Integer keepLast, Duration maxAge, Duration recoveryWindow) {
}
