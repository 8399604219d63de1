package io.drsuite.events;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One kind of domain event: the topic it travels on, its CloudEvents type and the payload record that carries it.
 *
 * <p>Topics are named {@code drsuite.<aggregate>} and keyed by the aggregate id, so one aggregate's events stay
 * ordered. Types are {@code io.drsuite.<aggregate>.<event>.v<version>}; a payload change that breaks readers gets a
 * new version and therefore a new {@code EventType}.
 *
 * @param topic Kafka topic, e.g. {@code drsuite.clusters}
 * @param type CloudEvents type, e.g. {@code io.drsuite.cluster.registered.v1}
 * @param payloadClass the record the JSON payload maps to
 * @param <P> the payload type
 */
public record EventType<P>(String topic, String type, Class<P> payloadClass) {

    private static final Pattern TOPIC = Pattern.compile("drsuite\\.[a-z][a-z-]*");
    private static final Pattern TYPE = Pattern.compile("io\\.drsuite\\.[a-z][a-z-]*\\.[a-z][a-z-]*\\.v[1-9][0-9]*");

    public EventType {
        Objects.requireNonNull(payloadClass, "payloadClass");
        if (topic == null || !TOPIC.matcher(topic).matches()) {
            throw new IllegalArgumentException("topic must look like drsuite.<aggregate>: " + topic);
        }
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("type must look like io.drsuite.<aggregate>.<event>.v<n>: " + type);
        }
    }

    /**
     * Builds the type {@code io.drsuite.<aggregate>.<event>.v<version>} on topic {@code drsuite.<topicAggregate>}.
     */
    public static <P> EventType<P> of(String topicAggregate, String aggregate, String event, int version,
            Class<P> payloadClass) {
        return new EventType<>("drsuite." + topicAggregate,
                "io.drsuite." + aggregate + "." + event + ".v" + version, payloadClass);
    }
}
