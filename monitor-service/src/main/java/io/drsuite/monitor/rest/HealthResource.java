package io.drsuite.monitor.rest;

import static io.drsuite.platform.security.Roles.ADMIN;
import static io.drsuite.platform.security.Roles.OPERATOR;
import static io.drsuite.platform.security.Roles.VIEWER;

import io.drsuite.catalog.ClusterCatalog;
import io.drsuite.catalog.KnownCluster;
import io.drsuite.monitor.health.HealthHistory;
import io.drsuite.monitor.health.HistoryPoint;
import io.drsuite.monitor.health.HistoryPoint.Minute;
import io.drsuite.monitor.health.LatestHealth;
import io.drsuite.monitor.health.NodeHealth;
import io.drsuite.monitor.health.RelationshipHealth;
import io.drsuite.monitor.model.RelationshipSample;
import io.drsuite.platform.paging.Page;
import io.drsuite.platform.paging.PageRequest;
import io.drsuite.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Live health of clusters and relationships, and a relationship's lag history. */
@Path("/api/v1/health")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Health", description = "What the latest poll found, and the history of lag and RPO")
public class HealthResource {

    private static final Duration DEFAULT_HISTORY = Duration.ofHours(1);

    private final ClusterCatalog catalog;
    private final LatestHealth latest;
    private final HealthHistory history;

    HealthResource(ClusterCatalog catalog, LatestHealth latest, HealthHistory history) {
        this.catalog = catalog;
        this.latest = latest;
        this.history = history;
    }

    /** A cluster with the latest sample of each of its nodes. */
    public record ClusterHealth(String name, List<NodeHealth> nodes) {
    }

    /**
     * A relationship's latest health and one page of its history between two instants: the samples still within the
     * raw retention, and the worst of each minute before that.
     */
    public record RelationshipHistory(RelationshipHealth latest, Instant from, Instant to,
            List<Sample> samples, List<Minute> minutes) {
    }

    /** One stored sample of a relationship. */
    public record Sample(Instant at, Long lagBytes, Double lagSeconds, Double rpoEstimateSeconds,
            String primaryState, String drState) {

        static Sample of(RelationshipSample sample) {
            return new Sample(sample.sampledAt, sample.lagBytes, sample.lagSeconds, sample.rpoEstimateSeconds,
                    sample.primaryState, sample.drState);
        }
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Path("/clusters")
    @Operation(operationId = "listClusterHealth", summary = "Every known cluster with the latest sample of each "
            + "node", description = "By name.")
    @APIResponse(responseCode = "200", description = "One page of clusters with their nodes' latest samples")
    @APIResponse(responseCode = "400", description = "A limit out of range or a cursor that is not one")
    public RestResponse<List<ClusterHealth>> clusters(@QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor, UriInfo uri) {
        return catalog.clusters(PageRequest.of(limit, cursor))
                .map(cluster -> new ClusterHealth(cluster.name, latest.nodesOf(cluster.name))).response(uri);
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Path("/clusters/{name}")
    @Operation(operationId = "getClusterHealth", summary = "One cluster with the latest sample of each node",
            description = "Reachable, role, WAL positions, replication and slots of each node as the latest poll "
                    + "found them; a node not polled yet is absent.")
    @APIResponse(responseCode = "200", description = "The cluster with its nodes' latest samples")
    @APIResponse(responseCode = "404", description = "monitor-service knows no cluster of that name")
    public ClusterHealth cluster(@PathParam("name") String name) {
        KnownCluster cluster = catalog.cluster(name).orElseThrow(() -> ProblemException.notFound("cluster",
                "monitor-service knows no cluster named '" + name + "'"));
        return new ClusterHealth(cluster.name, latest.nodesOf(cluster.name));
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Path("/relationships/{id}")
    @Operation(operationId = "getRelationshipHealth",
            summary = "A relationship's latest lag and RPO estimate, and its samples from..to",
            description = "from and to are ISO-8601 instants; the default is the last hour. Oldest first: the "
                    + "per-minute rows, then the raw samples. One page covers both together.")
    @APIResponse(responseCode = "200", description = "The latest health and one page of the history")
    @APIResponse(responseCode = "400", description = "from or to not an ISO-8601 instant, from after to, a limit "
            + "out of range or a cursor that is not one")
    @APIResponse(responseCode = "404", description = "No health of that relationship: unknown, or not replicating")
    public RestResponse<RelationshipHistory> relationship(@PathParam("id") UUID id, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
            UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        Instant end = instant("to", to, Instant.now());
        Instant start = instant("from", from, end.minus(DEFAULT_HISTORY));
        if (start.isAfter(end)) {
            throw ProblemException.badRequest("from", "from must not be after to");
        }
        RelationshipHealth now = latest.relationship(id).orElseThrow(() -> ProblemException.notFound(
                "relationship", "monitor-service has no health of relationship " + id
                        + " (unknown, or not replicating)"));
        Page<HistoryPoint> points = history.between(id, start, end, page);
        List<Sample> samples = points.items().stream().filter(HistoryPoint.Raw.class::isInstance)
                .map(point -> Sample.of(((HistoryPoint.Raw) point).sample())).toList();
        List<Minute> minutes = points.items().stream().filter(Minute.class::isInstance).map(Minute.class::cast)
                .toList();
        // The next page reads the same window, also when this one was "the last hour".
        return points.response(uri.getRequestUriBuilder().replaceQueryParam("from", start)
                .replaceQueryParam("to", end), new RelationshipHistory(now, start, end, samples, minutes));
    }

    private static Instant instant(String field, String value, Instant fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be an ISO-8601 instant, e.g. 2026-11-22T06:00:00Z");
        }
    }
}
