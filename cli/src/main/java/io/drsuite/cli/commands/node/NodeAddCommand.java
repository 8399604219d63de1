package io.drsuite.cli.commands.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.commands.cluster.ClusterOperationEnd;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import io.drsuite.cli.task.WaitOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code drctl node add CLUSTER --name N --host H ...}: registers a new standby of the cluster and builds it from the
 * primary with {@code pg_basebackup}, as one task.
 */
@Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Add a standby to a cluster: registers it (its data directory may be empty) and builds it "
                + "from the primary with pg_basebackup. Needs the admin role.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl node add prod --name prod-3 --host 127.0.0.1 --port 5434 \\",
            "      --data-directory /var/lib/postgresql/17/prod-3",
            "  drctl node add prod --name prod-3 --host 10.0.0.13 --data-directory /srv/pg \\",
            "      --access ssh --ssh-user postgres --ssh-key prod-3",
            "  drctl node add prod --name prod-3 --host 10.0.0.13 --data-directory /srv/pg \\",
            "      --no-wait                        # prints the task id"})
public class NodeAddCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CLUSTER", description = "The cluster's name")
    String cluster;

    @Option(names = "--name", required = true, paramLabel = "NODE", description = "The new node's name")
    String name;

    @Option(names = "--host", required = true, paramLabel = "HOST", description = "Its PostgreSQL host")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "Its PostgreSQL port. Default: 5432")
    int port = 5432;

    @Option(names = "--data-directory", required = true, paramLabel = "PATH",
            description = "Its data directory (absolute), where the build writes")
    String dataDirectory;

    @Mixin
    NodeAccessOptions access;

    @Mixin
    WaitOption wait;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("host", host);
        body.put("port", port);
        body.put("dataDirectory", dataDirectory);
        body.put("access", access.toRequest(host));
        JsonNode accepted = cli.client().post(Service.RELATIONSHIP, ApiPath.of("/api/v1/clusters/{}/nodes",
                cluster), body);
        String taskId = accepted.path("taskId").asText();
        int exit = wait.follow(cli, accepted, taskId);
        if (wait.waited()) {
            ClusterOperationEnd.await(cli, cluster, taskId);
        }
        return exit;
    }
}
