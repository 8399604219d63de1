package io.drsuite.monitor.rest;

import static io.drsuite.platform.security.Roles.ADMIN;
import static io.drsuite.platform.security.Roles.OPERATOR;
import static io.drsuite.platform.security.Roles.VIEWER;

import io.drsuite.catalog.ClusterCatalog;
import io.drsuite.catalog.KnownCluster;
import io.drsuite.monitor.health.LatestHealth;
import io.drsuite.monitor.health.NodeHealth;
import io.drsuite.monitor.health.RelationshipHealth;
import io.drsuite.monitor.model.RelationshipSample;
import io.drsuite.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Live health of clusters and relationships, and a relationship's lag history. */
@Path("/api/v1/health")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Health", description = "What the latest poll found, and the history of lag and RPO")
public class HealthResource {

    private static final Duration DEFAULT_HISTORY = Duration.ofHours(1);

    private final ClusterCatalog catalog;
    private final LatestHealth latest;

    HealthResource(ClusterCatalog catalog, LatestHealth latest) {
        this.catalog = catalog;
        this.latest = latest;
    }

    /** A cluster with the latest sample of each of its nodes. */
    public record ClusterHealth(String name, List<NodeHealth> nodes) {
    }

    /**
     * A relationship's latest health and its history between two instants: every sample still within the raw
     * retention, and the worst of each minute before that.
     */
    public record RelationshipHistory(RelationshipHealth latest, Instant from, Instant to,
            List<Sample> samples, List<Minute> minutes) {
    }

    /** The worst of one minute, for the time before the raw retention. */
    public record Minute(Instant minute, int samples, Long maxLagBytes, Double maxLagSeconds,
            Double maxRpoEstimateSeconds, int brokenSamples) {
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
    @Operation(summary = "Every known cluster with the latest sample of each node")
    public List<ClusterHealth> clusters() {
        return catalog.clusters().stream().map(cluster -> new ClusterHealth(cluster.name,
                latest.nodesOf(cluster.name))).toList();
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Path("/clusters/{name}")
    @Operation(summary = "One cluster with the latest sample of each node")
    public ClusterHealth cluster(@PathParam("name") String name) {
        KnownCluster cluster = catalog.cluster(name).orElseThrow(() -> ProblemException.notFound("cluster",
                "monitor-service knows no cluster named '" + name + "'"));
        return new ClusterHealth(cluster.name, latest.nodesOf(cluster.name));
    }

    @RolesAllowed({VIEWER, OPERATOR, ADMIN})
    @GET
    @Path("/relationships/{id}")
    @Transactional
    @Operation(summary = "A relationship's latest lag and RPO estimate, and its samples from..to",
            description = "from and to are ISO-8601 instants; the default is the last hour.")
    public RelationshipHistory relationship(@PathParam("id") UUID id, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        Instant end = instant("to", to, Instant.now());
        Instant start = instant("from", from, end.minus(DEFAULT_HISTORY));
        if (start.isAfter(end)) {
            throw ProblemException.badRequest("from", "from must not be after to");
        }
        RelationshipHealth now = latest.relationship(id).orElseThrow(() -> ProblemException.notFound(
                "relationship", "monitor-service has no health of relationship " + id
                        + " (unknown, or not replicating)"));
        return new RelationshipHistory(now, start, end,
                RelationshipSample.between(id, start, end).stream().map(Sample::of).toList(),
                minutes(id, start, end));
    }

    private static List<Minute> minutes(UUID id, Instant from, Instant to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = RelationshipSample.getEntityManager().createNativeQuery("""
                select extract(epoch from minute)::float8, samples, max_lag_bytes, max_lag_seconds, max_rpo_estimate_seconds, broken_samples
                  from relationship_sample_minute
                 where relationship_id = :id and minute >= :from and minute <= :to
                 order by minute""")
                .setParameter("id", id).setParameter("from", from).setParameter("to", to).getResultList();
        return rows.stream().map(row -> new Minute(Instant.ofEpochMilli(Math.round(((Number) row[0]).doubleValue() * 1000)),
                ((Number) row[1]).intValue(), row[2] == null ? null : ((Number) row[2]).longValue(),
                row[3] == null ? null : ((Number) row[3]).doubleValue(),
                row[4] == null ? null : ((Number) row[4]).doubleValue(), ((Number) row[5]).intValue())).toList();
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
