package io.drsuite.console.pages.cluster;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Every registered cluster: version, nodes, primary, the relationship holding it and what runs inside it. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ClustersPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance clusters(List<ClusterRow> clusters);

        static native TemplateInstance list(List<ClusterRow> clusters);
    }

    private final ClusterReads reads;

    ClustersPage(ClusterReads reads) {
        this.reads = reads;
    }

    @GET
    @Path("/clusters")
    public TemplateInstance clusters() {
        return Templates.clusters(reads.clusters());
    }

    @GET
    @Path("/fragments/clusters")
    public TemplateInstance list() {
        return Templates.list(reads.clusters());
    }
}
