package io.drsuite.console.pages.cluster;

import io.drsuite.console.pages.TypedConfirmation;
import io.drsuite.console.pages.task.TaskPanels;
import io.drsuite.console.signin.ConsoleUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * One cluster: its nodes with role, lag and sync state, the operation running inside it with its live steps, the
 * operations an operator or admin can start (each confirmed by typing the name it acts on), and how clients are
 * routed to its nodes. The live parts re-read themselves when the live stream names the cluster.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ClusterPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance cluster(ClusterDetail cluster, ClusterActions actions);

        static native TemplateInstance state(ClusterDetail cluster, ClusterActions actions);

        static native TemplateInstance routing(ClusterDetail cluster, ClusterRouting routing);
    }

    private final ClusterReads reads;
    private final ClusterRoutingReads routing;
    private final ClusterCommands commands;
    private final TaskPanels panels;
    private final ConsoleUser user;

    ClusterPage(ClusterReads reads, ClusterRoutingReads routing, ClusterCommands commands, TaskPanels panels,
            ConsoleUser user) {
        this.reads = reads;
        this.routing = routing;
        this.commands = commands;
        this.panels = panels;
        this.user = user;
    }

    @GET
    @Path("/clusters/{name}")
    public TemplateInstance cluster(@PathParam("name") String name) {
        ClusterDetail cluster = find(name);
        return Templates.cluster(cluster, ClusterActions.of(cluster, user::refusalFor));
    }

    @GET
    @Path("/fragments/clusters/{name}/state")
    public TemplateInstance state(@PathParam("name") String name) {
        ClusterDetail cluster = find(name);
        return Templates.state(cluster, ClusterActions.of(cluster, user::refusalFor));
    }

    @GET
    @Path("/fragments/clusters/{name}/routing")
    public TemplateInstance routing(@PathParam("name") String name) {
        ClusterDetail cluster = find(name);
        return Templates.routing(cluster, routing.routing(cluster));
    }

    @POST
    @Path("/clusters/{name}/switchover")
    public TemplateInstance switchover(@PathParam("name") String name, @FormParam("toNode") String toNode,
            @FormParam("confirm") String confirm) {
        TypedConfirmation.matches(confirm, name, "cluster");
        return panels.panel(commands.switchover(name, toNode));
    }

    @POST
    @Path("/clusters/{name}/failover")
    public TemplateInstance failover(@PathParam("name") String name, @FormParam("toNode") String toNode,
            @FormParam("reason") String reason, @FormParam("confirm") String confirm) {
        TypedConfirmation.matches(confirm, name, "cluster");
        return panels.panel(commands.failover(name, toNode, reason));
    }

    @POST
    @Path("/clusters/{name}/nodes/{node}/rebuild")
    public TemplateInstance rebuild(@PathParam("name") String name, @PathParam("node") String node,
            @FormParam("mode") String mode, @FormParam("confirm") String confirm) {
        TypedConfirmation.matches(confirm, node, "node");
        return panels.panel(commands.rebuild(name, node, mode));
    }

    @POST
    @Path("/clusters/{name}/nodes")
    public TemplateInstance addStandby(@PathParam("name") String name, @BeanParam NewStandby standby,
            @FormParam("confirm") String confirm) {
        TypedConfirmation.matches(confirm, name, "cluster");
        return panels.panel(commands.addStandby(name, standby));
    }

    /** Removing a standby runs no task: the answer is the cluster's state as it is now. */
    @POST
    @Path("/clusters/{name}/nodes/{node}/remove")
    public TemplateInstance removeStandby(@PathParam("name") String name, @PathParam("node") String node,
            @FormParam("reason") String reason, @FormParam("confirm") String confirm) {
        TypedConfirmation.matches(confirm, node, "node");
        commands.removeStandby(name, node, reason);
        return state(name);
    }

    private ClusterDetail find(String name) {
        return reads.cluster(name).orElseThrow(NotFoundException::new);
    }
}
