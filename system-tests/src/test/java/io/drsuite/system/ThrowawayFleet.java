package io.drsuite.system;

import io.drsuite.testing.PostgresInstance;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Single-node PostgreSQL 15 clusters by the dozen or the hundred, small enough that a hundred run beside the suite on
 * this machine: one {@code initdb}, then copies of its stopped data directory started a few at a time (the registry
 * accepts clusters that share a system identifier). Each node has a tiny shared memory, few connections, no
 * autovacuum and no fsync: it only answers monitoring queries, and its data is thrown away. Closing stops and
 * removes them all.
 */
final class ThrowawayFleet implements AutoCloseable {

    /** Server settings of every node: as small as a node that only answers monitoring queries may be. */
    static final Map<String, String> SMALL = Map.of(
            "shared_buffers", "2MB",
            "max_connections", "20",
            "max_wal_senders", "2",
            "max_replication_slots", "2",
            "max_worker_processes", "2",
            "max_logical_replication_workers", "0",
            "autovacuum", "off",
            "fsync", "off",
            "synchronous_commit", "off");

    /** Copies and registrations at a time: the two cores are shared with the suite. */
    private static final int AT_ONCE = 4;

    private final List<PostgresInstance> nodes;

    private ThrowawayFleet(List<PostgresInstance> nodes) {
        this.nodes = nodes;
    }

    /** {@code size} nodes named {@code <prefix>-001}, {@code <prefix>-002}, ..., running. */
    static ThrowawayFleet start(String prefix, int size) {
        List<PostgresInstance> started = Collections.synchronizedList(new ArrayList<>());
        try (PostgresInstance template = PostgresInstance.primary(prefix + "-template", SMALL)) {
            template.stop();
            List<String> names = IntStream.rangeClosed(1, size)
                    .mapToObj(i -> String.format(Locale.ROOT, "%s-%03d", prefix, i)).toList();
            inParallel(names, name -> started.add(template.copy(name, SMALL)));
        } catch (RuntimeException e) {
            inParallel(List.copyOf(started), PostgresInstance::close);
            throw e;
        }
        return new ThrowawayFleet(started.stream().sorted(Comparator.comparing(PostgresInstance::name)).toList());
    }

    List<PostgresInstance> nodes() {
        return nodes;
    }

    int size() {
        return nodes.size();
    }

    /** Registers each node as a cluster of its own name, as the suite's admin. */
    void register(DrApi api) {
        inParallel(nodes, node -> api.register(node.name(), node));
    }

    /** Removes the clusters from the registry, so that no monitor-service keeps polling them once they are gone. */
    void deregister(DrApi api) {
        inParallel(nodes, node -> api.deregister(node.name()));
    }

    @Override
    public void close() {
        inParallel(nodes, PostgresInstance::close);
    }

    /** Every item is tried; then the first failure, if any, is thrown. */
    private static <T> void inParallel(List<T> items, Consumer<T> action) {
        try (ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE)) {
            List<Future<?>> futures = items.stream().<Future<?>>map(item -> pool.submit(() -> action.accept(item)))
                    .toList();
            RuntimeException failure = null;
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException cause ? cause
                                : new IllegalStateException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }
}
