package io.drsuite.console.pages.relationship;

import io.drsuite.console.pages.Formats;
import io.drsuite.console.pages.relationship.Topology.Node;
import io.drsuite.events.task.DrTasks;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Which of the relationship's operations the page offers, following relationship-service's lifecycle table: the
 * phases each may start from, the role it needs, and whether another operation is running. The service decides
 * again; the page only disables what would be refused, and says why.
 */
final class Operations {

    private static final Set<String> TRANSITIONAL = Set.of("starting", "switching_over", "failing_over",
            "reprotecting", "stopping");

    private Operations() {
    }

    /**
     * @param refusalFor the signed-in user's reason a button for a role is disabled, null when their role allows it
     * @param failedTaskType the type of the task an {@code error} phase may resume (null when unknown)
     */
    static List<OperationButton> of(RelationshipDetail relationship, Topology topology,
            Function<String, String> refusalFor, String failedTaskType) {
        String phase = relationship.phase();
        return List.of(
                button("switchover", "Switch over", "operator", refusalFor, relationship,
                        Set.of("active"), "only while active", switchover(relationship, topology), "none", false),
                button("failover", "Fail over", "admin", refusalFor, relationship, Set.of("active", "error"),
                        "only while active or in error", failover(relationship, topology), "required", true),
                button("reprotect", "Reprotect", "operator", refusalFor, relationship, Set.of("failed_over"),
                        "only after a failover", reprotect(relationship), "none", false),
                button("stop", "Stop", "admin", refusalFor, relationship, Set.of("active", "error", "failed_over"),
                        "only while active, in error or failed over", stop(relationship), "optional", true),
                button("resume", "Resume", resumeRole(failedTaskType), refusalFor, relationship, Set.of("error"),
                        "only in error", resume(relationship, failedTaskType, phase), "none", false));
    }

    private static OperationButton button(String operation, String label, String role,
            Function<String, String> refusalFor, RelationshipDetail relationship, Set<String> phases,
            String when, String consequence, String reason, boolean danger) {
        String refusal = refusalFor.apply(role);
        if (refusal == null && relationship.task() != null) {
            refusal = "not while a " + kind(relationship.task().type()) + " runs";
        }
        if (refusal == null && !phases.contains(relationship.phase())) {
            refusal = TRANSITIONAL.contains(relationship.phase())
                    ? "not while " + Formats.words(relationship.phase())
                    : when + "; the relationship is " + Formats.words(relationship.phase());
        }
        return new OperationButton(operation, label, role, refusal, consequence, reason, danger);
    }

    /** A failed failover or stop needs the admin role to go on (relationship-service's resume). */
    private static String resumeRole(String failedTaskType) {
        return DrTasks.FAILOVER.equals(failedTaskType) || DrTasks.STOP.equals(failedTaskType) ? "admin"
                : "operator";
    }

    private static String switchover(RelationshipDetail relationship, Topology topology) {
        String prod = relationship.primaryCluster();
        String dr = relationship.drCluster();
        return describe(topology.node(prod, "primary"), prod + "'s primary") + " will be stopped cleanly; "
                + describe(topology.node(dr, "main standby"), dr + "'s main standby") + " will be promoted; "
                + "writes pause for about a second; " + dr + " becomes production and " + prod
                + " becomes the DR side, following it. No committed transaction is lost.";
    }

    private static String failover(RelationshipDetail relationship, Topology topology) {
        String prod = relationship.primaryCluster();
        String dr = relationship.drCluster();
        String text = describe(topology.node(dr, "main standby"), dr + "'s main standby") + " will be promoted and "
                + dr + " becomes the production cluster; " + describe(topology.node(prod, "primary"),
                        prod + "'s primary") + " is fenced where it can be reached. Transactions not yet on " + dr
                + " are lost. The relationship ends as failed over, until you reprotect or stop it.";
        if ("error".equals(relationship.phase())) {
            text += " The relationship is in error: " + dr + " may be half built, so this failover is forced.";
        }
        return text;
    }

    private static String reprotect(RelationshipDetail relationship) {
        return relationship.drCluster() + " will be rebuilt as the DR side of " + relationship.primaryCluster()
                + " with pg_rewind (a full copy when that fails): whatever it wrote since the failover is replaced.";
    }

    private static String stop(RelationshipDetail relationship) {
        if ("failed_over".equals(relationship.phase())) {
            return "Both clusters are released: the relationship ends and " + relationship.drCluster()
                    + " is not rebuilt. No task runs.";
        }
        return "Replication from " + relationship.primaryCluster() + " to " + relationship.drCluster()
                + " ends and the relationship is dissolved. " + relationship.drCluster() + " stays a detached "
                + "read-only copy, or becomes a standalone primary if you promote it (a reason is then required).";
    }

    private static String resume(RelationshipDetail relationship, String failedTaskType, String phase) {
        if (!"error".equals(phase)) {
            return "The failed task runs again from the step that failed.";
        }
        return "The failed " + (failedTaskType == null ? "task" : kind(failedTaskType))
                + " of " + relationship.name() + " runs again from the step that failed"
                + (relationship.lastError() == null ? "." : " (" + relationship.lastError() + ").");
    }

    /** {@code dr.switchover} -> {@code switchover}. */
    static String kind(String taskType) {
        return taskType == null ? "task" : Formats.words(taskType.substring(taskType.lastIndexOf('.') + 1));
    }

    private static String describe(java.util.Optional<Node> node, String otherwise) {
        return node.map(found -> found.name() + " (" + found.address() + ")").orElse(otherwise);
    }
}
