package io.drsuite.monitor.model;

import io.drsuite.monitor.health.NodeHealth;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One poll of one node, kept for the history API until retention removes it. */
@Entity
@Table(name = "node_sample")
public class NodeSample extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "cluster_name", nullable = false)
    public String clusterName;

    @Column(name = "node_name", nullable = false)
    public String nodeName;

    @Column(name = "sampled_at", nullable = false)
    public Instant sampledAt;

    public boolean reachable;

    public String error;

    @Column(name = "in_recovery")
    public Boolean inRecovery;

    public Integer timeline;

    @Column(name = "current_lsn")
    public String currentLsn;

    @Column(name = "receive_lsn")
    public String receiveLsn;

    @Column(name = "replay_lsn")
    public String replayLsn;

    @Column(name = "last_replay_at")
    public Instant lastReplayAt;

    @Column(name = "wal_receiver")
    public String walReceiver;

    @Column(name = "slot_retained_bytes")
    public Long slotRetainedBytes;

    public static NodeSample of(NodeHealth health) {
        NodeSample sample = new NodeSample();
        sample.clusterName = health.cluster();
        sample.nodeName = health.node();
        sample.sampledAt = health.sampledAt();
        sample.reachable = health.reachable();
        sample.error = health.error();
        sample.inRecovery = health.inRecovery();
        sample.timeline = health.timeline();
        sample.currentLsn = text(health.currentLsn());
        sample.receiveLsn = text(health.receiveLsn());
        sample.replayLsn = text(health.replayLsn());
        sample.lastReplayAt = health.lastReplayAt();
        sample.walReceiver = health.walReceiver() == null ? null : health.walReceiver().wireName();
        sample.slotRetainedBytes = health.slotRetainedBytes();
        return sample;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
