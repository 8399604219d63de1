package io.drsuite.console.pages.bin;

import static io.drsuite.console.pages.FormFields.blankToNull;

import io.drsuite.console.pages.FormFields;
import io.drsuite.console.pages.TypedConfirmation;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The recycle bin per cluster: what was dropped, how big, when it expires; restore (under its name or a new one) and
 * purge. A purge destroys the object for good, so its name must be typed, and is checked again here.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class BinPage {

    private static final Set<String> STATES = Set.of("recycled", "restored", "purged", "all");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance bin(String cluster, String state, List<String> clusters,
                List<BinEntryRow> entries);

        static native TemplateInstance entries(String cluster, String state, List<BinEntryRow> entries);
    }

    private final RecycleBin bin;

    BinPage(RecycleBin bin) {
        this.bin = bin;
    }

    @GET
    @Path("/bin")
    public TemplateInstance bin(@QueryParam("cluster") String cluster, @QueryParam("state") String state) {
        String shown = blankToNull(cluster);
        String shownState = state(state);
        return Templates.bin(shown, shownState, bin.clusters(), bin.entries(shown, shownState));
    }

    @GET
    @Path("/fragments/bin/entries")
    public TemplateInstance entries(@QueryParam("cluster") String cluster, @QueryParam("state") String state) {
        String shown = blankToNull(cluster);
        String shownState = state(state);
        return Templates.entries(shown, shownState, bin.entries(shown, shownState));
    }

    @POST
    @Path("/bin/{id}/restore")
    public Response restore(@PathParam("id") UUID id, @RestForm String as, @RestForm String cluster) {
        bin.restore(id, blankToNull(as));
        return backTo(blankToNull(cluster));
    }

    @POST
    @Path("/bin/{id}/purge")
    public Response purge(@PathParam("id") UUID id, @RestForm String confirm, @RestForm String cluster) {
        TypedConfirmation.required(confirm, "object to purge");
        TypedConfirmation.matches(confirm, bin.entry(id).objectName(), "object to purge");
        bin.purge(id);
        return backTo(blankToNull(cluster));
    }

    private static String state(String asked) {
        return asked != null && STATES.contains(asked) ? asked : "recycled";
    }

    private static Response backTo(String cluster) {
        return FormFields.backTo("/bin", "cluster", cluster);
    }
}
