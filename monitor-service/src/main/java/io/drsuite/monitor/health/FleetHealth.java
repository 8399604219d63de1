package io.drsuite.monitor.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * The whole fleet's latest node health, shared by the replicas through the control-plane database: each replica
 * writes the nodes it watches (one batch per poll, a row per node replaced in place), and every replica reads all of
 * them. A sample written by a replica that has since stopped stays until the replica taking its clusters over polls
 * them; its age shows how old it is.
 */
@ApplicationScoped
public class FleetHealth {

    private static final Logger LOG = Logger.getLogger(FleetHealth.class);

    private static final String UPSERT = """
            insert into node_health_latest (cluster_name, node_name, sampled_at, health)
            values (?, ?, ?, cast(? as jsonb))
            on conflict (cluster_name, node_name) do update
               set sampled_at = excluded.sampled_at, health = excluded.health
             where node_health_latest.sampled_at <= excluded.sampled_at""";

    private final EntityManager entityManager;
    private final ObjectMapper json;

    FleetHealth(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** Replaces the polled nodes' rows; a row newer than the poll's (another replica's) is kept. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(List<NodeHealth> polled) {
        if (polled.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                for (NodeHealth health : polled) {
                    upsert.setString(1, health.cluster());
                    upsert.setString(2, health.node());
                    upsert.setTimestamp(3, Timestamp.from(health.sampledAt()));
                    upsert.setString(4, write(health));
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
    }

    /** The latest health of the named nodes ("cluster/node"), whoever polled them. */
    @Transactional
    public List<NodeHealth> read(Set<String> nodeKeys) {
        List<NodeHealth> found = new ArrayList<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select cluster_name, node_name, health::text from node_health_latest");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (nodeKeys.contains(LatestHealth.key(rows.getString(1), rows.getString(2)))) {
                        found.add(parse(rows.getString(3)));
                    }
                }
            }
        });
        return found;
    }

    /** Removes the rows of nodes no longer registered. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetAllBut(Set<String> nodeKeys) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("""
                    delete from node_health_latest
                     where not (cluster_name || '/' || node_name = any (?))""")) {
                delete.setArray(1, connection.createArrayOf("text", nodeKeys.toArray()));
                int removed = delete.executeUpdate();
                if (removed > 0) {
                    LOG.debugf("Forgot the latest health of %d nodes no longer registered", removed);
                }
            }
        });
    }

    private String write(NodeHealth health) {
        try {
            return json.writeValueAsString(health);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private NodeHealth parse(String text) throws SQLException {
        try {
            return json.readValue(text, NodeHealth.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("a node's latest health cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
