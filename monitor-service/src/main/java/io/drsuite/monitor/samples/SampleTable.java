package io.drsuite.monitor.samples;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The two tables of per-poll samples, each partitioned by {@code sampled_at}. */
public enum SampleTable {

    NODE("node_sample"),
    RELATIONSHIP("relationship_sample");

    private static final DateTimeFormatter PARTITION_SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")
            .withZone(ZoneOffset.UTC);

    private final String table;

    SampleTable(String table) {
        this.table = table;
    }

    /** The partitioned table. */
    public String table() {
        return table;
    }

    /** The partition that takes a row no time partition covers; maintenance keeps it empty. */
    public String defaultPartition() {
        return table + "_default";
    }

    /**
     * The name of the partition starting at the instant, e.g. {@code node_sample_20261203_160000}: built from the
     * time only (partitions start on whole seconds, and no two partitions of a table start at the same instant).
     */
    public String partitionFrom(Instant from) {
        return table + "_" + PARTITION_SUFFIX.format(from);
    }
}
