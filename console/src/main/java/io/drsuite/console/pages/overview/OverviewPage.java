package io.drsuite.console.pages.overview;

import io.drsuite.console.projection.RelationshipCard;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;

/**
 * The page an on-call DBA opens first: firing alerts on top, every relationship as a card coloured by its health,
 * and the clusters no relationship protects. Each part re-reads itself when the live stream names it.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class OverviewPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(List<FiringAlert> alerts, List<RelationshipCard> relationships,
                List<UnprotectedCluster> unprotected);

        static native TemplateInstance alerts(List<FiringAlert> alerts);

        static native TemplateInstance relationships(List<RelationshipCard> relationships);

        static native TemplateInstance card(RelationshipCard card);

        static native TemplateInstance unprotected(List<UnprotectedCluster> unprotected);
    }

    private final SuiteReads reads;

    OverviewPage(SuiteReads reads) {
        this.reads = reads;
    }

    @GET
    public TemplateInstance overview() {
        List<RelationshipCard> relationships = reads.relationships();
        return Templates.overview(reads.firingAlerts(), relationships, reads.unprotectedClusters(relationships));
    }

    @GET
    @Path("/fragments/alerts/firing")
    public TemplateInstance firingAlerts() {
        return Templates.alerts(reads.firingAlerts());
    }

    @GET
    @Path("/fragments/relationships")
    public TemplateInstance relationships() {
        return Templates.relationships(reads.relationships());
    }

    @GET
    @Path("/fragments/relationships/{id}/card")
    public TemplateInstance card(@PathParam("id") UUID id) {
        return Templates.card(reads.relationship(id).orElseThrow(NotFoundException::new));
    }

    @GET
    @Path("/fragments/clusters/unprotected")
    public TemplateInstance unprotected() {
        return Templates.unprotected(reads.unprotectedClusters(reads.relationships()));
    }
}
