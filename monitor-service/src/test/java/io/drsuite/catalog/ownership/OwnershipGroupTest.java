package io.drsuite.catalog.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drsuite.testing.LocalInfrastructure;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two members of one ownership group on a real broker: they divide a twelve-partition cluster topic, one holds
 * partition 0, and the one that stays takes everything over when the other leaves. A cluster is owned where Kafka's
 * own producer puts its events.
 */
class OwnershipGroupTest {

    private static final int PARTITIONS = 12;
    private static String bootstrap;

    @BeforeAll
    static void kafka() {
        new LocalInfrastructure().start();
        bootstrap = LocalInfrastructure.kafkaBootstrapServers();
    }

    @Test
    void twoReplicasDivideThePartitionsAndOneTakesAllWhenTheOtherLeaves() throws Exception {
        String topic = topicOfTwelvePartitions();
        String group = "ownership-test-" + UUID.randomUUID();
        OwnershipGroup first = OwnershipGroup.join(bootstrap, group, settings(topic));
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> first.assignment().partitions().size() == PARTITIONS);
            OwnershipGroup second = OwnershipGroup.join(bootstrap, group, settings(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> first.assignment().partitions().size() == 6
                    && second.assignment().partitions().size() == 6);
            Set<Integer> both = new HashSet<>(first.assignment().partitions());
            both.addAll(second.assignment().partitions());
            assertThat(both).hasSize(PARTITIONS);
            assertThat(first.assignment().holds(0)).isNotEqualTo(second.assignment().holds(0));

            List<UUID> clusters = IntStream.range(0, 40).mapToObj(i -> UUID.randomUUID()).toList();
            for (UUID cluster : clusters) {
                assertThat(first.assignment().owns(cluster)).isNotEqualTo(second.assignment().owns(cluster));
            }
            Map<UUID, Integer> produced = partitionsTheProducerChooses(topic, clusters);
            produced.forEach((cluster, partition) ->
                    assertThat(Assignment.partitionOf(cluster, PARTITIONS)).isEqualTo(partition));

            second.leave();
            await().atMost(Duration.ofSeconds(30)).until(() -> first.assignment().partitions().size() == PARTITIONS);
            assertThat(clusters).allMatch(cluster -> first.assignment().owns(cluster));
            assertThat(second.assignment().partitions()).isEmpty();
        } finally {
            first.leave();
        }
    }

    private static String topicOfTwelvePartitions() throws Exception {
        String topic = "ownership-test-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
        }
        return topic;
    }

    private static Map<UUID, Integer> partitionsTheProducerChooses(String topic, List<UUID> clusters)
            throws Exception {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", bootstrap);
        Map<UUID, Integer> partitions = new HashMap<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new StringSerializer())) {
            for (UUID cluster : clusters) {
                partitions.put(cluster,
                        producer.send(new ProducerRecord<>(topic, cluster.toString(), "{}")).get().partition());
            }
        }
        return partitions;
    }

    private static OwnershipSettings settings(String topic) {
        return new OwnershipSettings() {
            @Override
            public String topic() {
                return topic;
            }

            @Override
            public String groupSuffix() {
                return "";
            }

            @Override
            public Duration sessionTimeout() {
                return Duration.ofSeconds(10);
            }

            @Override
            public Duration heartbeatInterval() {
                return Duration.ofSeconds(3);
            }
        };
    }
}
