package io.drsuite.catalog.ownership;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.utils.Utils;

/**
 * The partitions of the cluster topic a replica holds, out of how many. A cluster's partition is the one Kafka's own
 * producer puts its events in (murmur2 of the key, the cluster id), so ownership and the topic agree.
 *
 * @param current false once the replica has not heart-beaten to the group for half a session timeout: the group may
 *     already have given its partitions to another replica, so it stops acting on them before that can happen
 */
record Assignment(Set<Integer> partitions, int partitionCount, boolean current) {

    static final Assignment NONE = new Assignment(Set.of(), 0, false);

    boolean owns(UUID clusterId) {
        return current && partitionCount > 0 && partitions.contains(partitionOf(clusterId, partitionCount));
    }

    boolean holds(int partition) {
        return current && partitions.contains(partition);
    }

    Assignment withCurrent(boolean now) {
        return now == current ? this : new Assignment(partitions, partitionCount, now);
    }

    static int partitionOf(UUID clusterId, int partitionCount) {
        byte[] key = clusterId.toString().getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(key)) % partitionCount;
    }
}
