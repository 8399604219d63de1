package io.drsuite.recyclebin.api;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/** How long recycled objects of a cluster are kept, ISO-8601 (e.g. {@code P1D}, {@code PT30S}). */
public record RetentionRequest(@NotNull Duration retention) {
}
