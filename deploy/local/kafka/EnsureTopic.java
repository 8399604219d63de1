import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Makes a topic have at least the given number of partitions: creates it, or adds partitions to a smaller one.
 * Run by kafka.sh as a single-file program on the broker's own jars: {@code EnsureTopic <bootstrap> <topic> <n>}.
 */
public final class EnsureTopic {

    public static void main(String[] args) throws Exception {
        String topic = args[1];
        int partitions = Integer.parseInt(args[2]);
        Properties settings = new Properties();
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        try (Admin admin = Admin.create(settings)) {
            try {
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
                System.out.printf("created %s with %d partitions%n", topic, partitions);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                int has = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
                if (has < partitions) {
                    admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(partitions))).all().get();
                    System.out.printf("%s had %d partitions, now %d%n", topic, has, partitions);
                }
            }
        }
    }
}
