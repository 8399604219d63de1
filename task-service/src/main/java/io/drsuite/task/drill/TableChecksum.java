package io.drsuite.task.drill;

/**
 * One table's contents in two figures: its exact row count and the sum of a hash of every row's text (over a
 * repeatable sample of its pages when {@code sampled}). A physical copy at the same WAL position has the same pages,
 * so the same sample and the same sum.
 */
public record TableChecksum(String database, String schema, String table, long rows, String checksum,
        boolean sampled) {

    public String key() {
        return database + "." + schema + "." + table;
    }
}
