package io.drsuite.monitor.samples;

/** One time partition of a sample table, as the database catalog lists it. */
public record SamplePartition(String name, PartitionRange range) {
}
