package io.drsuite.events;

/**
 * Where a consumer puts a record it cannot read (not a CloudEvent, an unknown type or version, a payload that does
 * not match the contract), so one bad record neither stops the consumer nor is lost. The record keeps its key,
 * value and headers; these headers say what was wrong and where it came from.
 */
public final class DeadLetters {

    /** One topic for every service's dead letters; the headers name the source and the consumer. */
    public static final String TOPIC = "drsuite.deadletter";

    /** Why the record was set aside: {@code not-a-cloud-event}, {@code unknown-type}, ... */
    public static final String REASON = "drsuite_dlq_reason";
    /** The parse error, for a human. */
    public static final String DETAIL = "drsuite_dlq_detail";
    public static final String SOURCE_TOPIC = "drsuite_dlq_topic";
    public static final String SOURCE_PARTITION = "drsuite_dlq_partition";
    public static final String SOURCE_OFFSET = "drsuite_dlq_offset";
    /** The service whose consumer set it aside. */
    public static final String CONSUMER = "drsuite_dlq_service";

    private DeadLetters() {
    }
}
