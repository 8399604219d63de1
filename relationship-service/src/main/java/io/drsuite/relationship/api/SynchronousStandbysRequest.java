package io.drsuite.relationship.api;

import io.drsuite.platform.validation.Names;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code PUT /api/v1/clusters/{name}/synchronous-standbys}: a commit on the primary waits until {@code count}
 * of the listed local standbys have it ({@code synchronous_standby_names = 'ANY count (...)'}); 0 waits for none.
 */
public record SynchronousStandbysRequest(
        @NotNull @Min(0) @Max(16) Integer count,
        @NotNull @Size(max = 16) List<@NotNull @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE)
                String> nodes) {
}
