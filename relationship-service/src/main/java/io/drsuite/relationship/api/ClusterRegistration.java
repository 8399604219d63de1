package io.drsuite.relationship.api;

import io.drsuite.platform.node.NodeRegistration;
import io.drsuite.platform.validation.Names;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /api/v1/clusters}.
 */
public record ClusterRegistration(
        @NotNull @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE) String name,
        @NotNull @Size(min = 1, max = 16) List<@NotNull @Valid NodeRegistration> nodes,
        @NotNull @Valid LoginRegistration adminLogin,
        @NotNull @Valid LoginRegistration replicationLogin) {
}
