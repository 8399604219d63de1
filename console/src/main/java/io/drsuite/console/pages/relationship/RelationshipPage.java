package io.drsuite.console.pages.relationship;

import static io.drsuite.console.pages.FormFields.blankToNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.console.pages.ConsoleRefusal;
import io.drsuite.console.pages.FormFields;
import io.drsuite.console.pages.overview.SuiteReads;
import io.drsuite.console.pages.overview.UnprotectedCluster;
import io.drsuite.console.projection.RelationshipCard;
import io.drsuite.console.services.Service;
import io.drsuite.console.services.SuiteApi;
import io.drsuite.console.signin.ConsoleUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/**
 * One relationship: its card, the picture of both clusters' nodes, the lag and RPO chart, the operations the user
 * may start (each confirmed in a dialog that says what will happen), the running operation's steps as they arrive,
 * and the operations that ran. Also the form that protects a cluster, which creates a relationship.
 */
@Path("/relationships")
@Produces(MediaType.TEXT_HTML)
public class RelationshipPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(RelationshipDetail relationship, RelationshipCard card,
                Topology topology, List<OperationButton> buttons, List<String> clusterIds, TaskPanel task,
                List<PastOperation> operations);

        static native TemplateInstance topology(RelationshipDetail relationship, Topology topology,
                List<String> clusterIds);

        static native TemplateInstance operations(RelationshipDetail relationship, List<OperationButton> buttons);

        static native TemplateInstance task(UUID relationshipId, TaskPanel task);

        static native TemplateInstance history(UUID relationshipId, List<PastOperation> operations);

        static native TemplateInstance protect(List<UnprotectedCluster> clusters);

        static native TemplateInstance problem(String title, String detail);
    }

    private final RelationshipReads reads;
    private final SuiteReads overview;
    private final SuiteApi api;
    private final ConsoleUser user;

    RelationshipPage(RelationshipReads reads, SuiteReads overview, SuiteApi api, ConsoleUser user) {
        this.reads = reads;
        this.overview = overview;
        this.api = api;
        this.user = user;
    }

    @GET
    @Path("/{id}")
    public TemplateInstance page(@PathParam("id") UUID id) {
        RelationshipDetail relationship = reads.relationship(id);
        Topology topology = reads.topology(relationship);
        List<PastOperation> operations = reads.operations(id);
        RelationshipCard card = overview.relationship(id).orElseThrow(NotFoundException::new);
        return Templates.page(relationship, card, topology, buttons(relationship, topology, operations),
                reads.clusterIds(relationship), reads.latestTask(relationship, operations).orElse(null), operations);
    }

    @GET
    @Path("/{id}/topology")
    public TemplateInstance topology(@PathParam("id") UUID id) {
        RelationshipDetail relationship = reads.relationship(id);
        return Templates.topology(relationship, reads.topology(relationship), reads.clusterIds(relationship));
    }

    @GET
    @Path("/{id}/operations")
    public TemplateInstance operations(@PathParam("id") UUID id) {
        RelationshipDetail relationship = reads.relationship(id);
        return Templates.operations(relationship, buttons(relationship, reads.topology(relationship),
                reads.operations(id)));
    }

    /** The running operation's panel, else the last one's; empty before any. */
    @GET
    @Path("/{id}/task")
    public TemplateInstance latestTask(@PathParam("id") UUID id) {
        return Templates.task(id, reads.latestTask(reads.relationship(id), reads.operations(id)).orElse(null));
    }

    @GET
    @Path("/{id}/task/{taskId}")
    public TemplateInstance task(@PathParam("id") UUID id, @PathParam("taskId") UUID taskId) {
        return Templates.task(id, reads.task(id, taskId));
    }

    @GET
    @Path("/{id}/history")
    public TemplateInstance history(@PathParam("id") UUID id) {
        return Templates.history(id, reads.operations(id));
    }

    @GET
    @Path("/{id}/history.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response lagHistory(@PathParam("id") UUID id, @QueryParam("range") String range) {
        String chosen = range == null ? "1h" : range;
        if (!LagHistory.RANGES.containsKey(chosen)) {
            return Response.status(400).type("application/problem+json").entity(Map.of("status", 400,
                    "title", "Unknown range", "detail", "range must be one of 15m, 1h, 6h, 24h, 7d")).build();
        }
        return Response.ok(reads.lagHistory(id, chosen)).build();
    }

    /**
     * Starts an operation as the user, once the name they typed is the relationship's (checked here again: the
     * dialog's check is only a convenience), and answers the new task's live panel.
     */
    /** The recovery objectives as the admin typed them: a field left empty is an objective not set. */
    @POST
    @Path("/{id}/objectives")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setObjectives(@PathParam("id") UUID id, @RestForm String rpoObjectiveSeconds,
            @RestForm String rtoObjectiveSeconds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rpoObjectiveSeconds", seconds(rpoObjectiveSeconds, "RPO"));
        body.put("rtoObjectiveSeconds", seconds(rtoObjectiveSeconds, "RTO"));
        api.put(Service.RELATIONSHIP, body, "/api/v1/relationships/{id}/objectives", id);
        return FormFields.backTo("/relationships/" + id);
    }

    private static Integer seconds(String typed, String objective) {
        String given = blankToNull(typed);
        if (given == null) {
            return null;
        }
        try {
            return Integer.valueOf(given);
        } catch (NumberFormatException e) {
            throw new ConsoleRefusal("The " + objective + " objective is a whole number of seconds, or empty for "
                    + "none.");
        }
    }

    @POST
    @Path("/{id}/{operation}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response operate(@PathParam("id") UUID id, @PathParam("operation") String operation,
            @RestForm String confirm, @RestForm String reason, @RestForm String promoteDr) {
        if (!OperationRequest.OPERATIONS.contains(operation)) {
            throw new NotFoundException();
        }
        if (confirm == null || confirm.isBlank()) {
            return refused("Type the relationship's name to confirm",
                    "The " + operation + " starts only once its name is typed in the dialog.");
        }
        RelationshipDetail relationship = reads.relationship(id);
        if (!relationship.name().equals(confirm.strip())) {
            return refused("The name typed is not the relationship's",
                    "Type " + relationship.name() + " exactly to " + operation + " it.");
        }
        Map<String, Object> body = OperationRequest.body(operation, relationship, reason, "on".equals(promoteDr)
                || "true".equals(promoteDr));
        JsonNode accepted = api.post(Service.RELATIONSHIP, body, "/api/v1/relationships/{id}/{operation}", id,
                operation);
        TaskPanel task = accepted.path("taskId").isTextual()
                ? reads.taskOrRequested(id, UUID.fromString(accepted.path("taskId").asText()),
                        accepted.path("relationship").path("currentTask").path("type").asText(operation))
                : null;
        return Response.ok(Templates.task(id, task).render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .build();
    }

    @GET
    @Path("/new")
    public TemplateInstance protectForm() {
        return Templates.protect(overview.unprotectedClusters(overview.relationships()));
    }

    /** Creates the relationship as the user and sends the browser to its page, where the start task shows live. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response protect(@RestForm String name, @RestForm String primaryCluster, @RestForm String drCluster,
            @RestForm String syncMode, @RestForm String timeoutSeconds, @RestForm String confirmOverwrite,
            @HeaderParam("HX-Request") String htmx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", blankToNull(name));
        body.put("primaryCluster", blankToNull(primaryCluster));
        body.put("drCluster", blankToNull(drCluster));
        body.put("syncMode", Optional.ofNullable(blankToNull(syncMode)).orElse("async"));
        body.put("confirmOverwrite", blankToNull(confirmOverwrite));
        String timeout = blankToNull(timeoutSeconds);
        if (timeout != null) {
            try {
                body.put("timeoutSeconds", Integer.parseInt(timeout));
            } catch (NumberFormatException e) {
                return refused("The timeout is not a number", "Give the timeout in whole seconds (60 to 86400).");
            }
        }
        JsonNode accepted = api.post(Service.RELATIONSHIP, body, "/api/v1/relationships");
        URI page = URI.create("/relationships/" + UUID.fromString(accepted.path("relationship").path("id").asText()));
        if ("true".equals(htmx)) {
            return Response.ok().header("HX-Redirect", page.toString()).build();
        }
        return Response.seeOther(page).build();
    }

    private List<OperationButton> buttons(RelationshipDetail relationship, Topology topology,
            List<PastOperation> operations) {
        return Operations.of(relationship, topology, user::refusalFor, reads.failedTaskType(operations));
    }

    private static Response refused(String title, String detail) {
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.problem(title, detail).render()).build();
    }
}
