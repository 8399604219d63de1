package io.drsuite.catalog.ownership;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jboss.logging.Logger;

/**
 * A member of the replicas' consumer group: a thread that keeps the membership alive by polling the cluster topic
 * (the records are not read: the service's cluster catalog consumes them through a group of its own) and publishes
 * the assignment the group coordinator hands it. Cooperative rebalancing moves only the partitions that change
 * hands, so the clusters that stay are watched without a pause while a replica joins or leaves.
 */
final class OwnershipGroup {

    private static final Logger LOG = Logger.getLogger(OwnershipGroup.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final Duration sessionTimeout;
    private final Thread thread;
    private volatile Assignment assignment = Assignment.NONE;
    private volatile boolean running = true;
    private volatile long rebalancedAt;

    private OwnershipGroup(KafkaConsumer<byte[], byte[]> consumer, OwnershipSettings settings) {
        this.consumer = consumer;
        this.topic = settings.topic();
        this.sessionTimeout = settings.sessionTimeout();
        this.thread = Thread.ofPlatform().daemon().name("cluster-ownership").unstarted(this::run);
    }

    static OwnershipGroup join(String bootstrapServers, String groupId, OwnershipSettings settings) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-" + UUID.randomUUID());
        properties.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        properties.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) settings.sessionTimeout().toMillis());
        properties.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) settings.heartbeatInterval().toMillis());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        // A topic created after the group is joined (the first cluster registered) is noticed within this.
        properties.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 10_000);
        OwnershipGroup group = new OwnershipGroup(new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer()), settings);
        group.thread.start();
        return group;
    }

    Assignment assignment() {
        return assignment;
    }

    /** Leaves the group at once, so the others take the partitions over without waiting for the session timeout. */
    void leave() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic), new Listener());
            while (running) {
                consumer.poll(POLL);
                assignment = assignment.withCurrent(heartbeatIsRecent());
            }
        } catch (WakeupException e) {
            LOG.debug("Leaving the ownership group");
        } catch (RuntimeException e) {
            LOG.errorf("The ownership group stopped: %s; this replica watches no cluster", e.getMessage());
        } finally {
            assignment = Assignment.NONE;
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Within half a session timeout of the last rebalance or heartbeat; a replica cut off from the coordinator stops
     * being current before the group can reassign its partitions.
     */
    private boolean heartbeatIsRecent() {
        long halfSession = sessionTimeout.toMillis() / 2;
        if (System.currentTimeMillis() - rebalancedAt < halfSession) {
            return true;
        }
        for (Map.Entry<MetricName, ? extends Metric> metric : consumer.metrics().entrySet()) {
            if (metric.getKey().name().equals("last-heartbeat-seconds-ago")
                    && metric.getValue().metricValue() instanceof Number seconds) {
                double ago = seconds.doubleValue();
                return ago >= 0 && ago * 1000 < halfSession;
            }
        }
        return false;
    }

    /** Runs on the group's thread, inside poll. */
    private final class Listener implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> added) {
            Set<Integer> partitions = new HashSet<>(assignment.partitions());
            added.forEach(partition -> partitions.add(partition.partition()));
            publish(partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> removed) {
            Set<Integer> partitions = new HashSet<>(assignment.partitions());
            removed.forEach(partition -> partitions.remove(partition.partition()));
            publish(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            onPartitionsRevoked(lost);
        }

        private void publish(Set<Integer> partitions) {
            int count = consumer.partitionsFor(topic).size();
            rebalancedAt = System.currentTimeMillis();
            Assignment before = assignment;
            assignment = new Assignment(Set.copyOf(partitions), count, heartbeatIsRecent());
            if (before.partitions().equals(assignment.partitions()) && before.partitionCount() == count) {
                return;
            }
            LOG.infof("This replica now watches the clusters of partitions %s of %s (%d)", partitions, topic, count);
        }
    }
}
