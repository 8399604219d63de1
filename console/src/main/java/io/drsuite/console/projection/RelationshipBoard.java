package io.drsuite.console.projection;

import io.drsuite.console.projection.RelationshipCard.Health;
import io.drsuite.console.projection.RelationshipCard.Operation;
import io.drsuite.events.health.RelationshipHealthChanged;
import io.drsuite.events.relationship.RelationshipChanged;
import io.drsuite.events.task.TaskFinished;
import io.drsuite.events.task.TaskProgressed;
import io.drsuite.events.task.TaskRequested;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;

/**
 * The console's projection of every relationship it has seen, in memory: seeded from the APIs when a page is opened
 * (the services are the record), then kept current by the suite's events. Applying an event twice, or an older one
 * after a newer one, changes nothing, so redeliveries and the seed racing an event are harmless; a restart loses
 * nothing either, the next page load seeds it again.
 */
@ApplicationScoped
public class RelationshipBoard {

    private final ConcurrentMap<UUID, RelationshipCard> cards = new ConcurrentHashMap<>();

    public List<RelationshipCard> all() {
        return cards.values().stream().sorted(Comparator.comparing(RelationshipCard::name)).toList();
    }

    public Optional<RelationshipCard> find(UUID id) {
        return Optional.ofNullable(cards.get(id));
    }

    public boolean knows(UUID id) {
        return cards.containsKey(id);
    }

    /** Keeps exactly these relationships (a full list read from relationship-service), merged by age. */
    public void seedAll(Collection<RelationshipCard> read) {
        List<UUID> ids = read.stream().map(RelationshipCard::id).toList();
        cards.keySet().retainAll(ids);
        read.forEach(this::seed);
    }

    /** Merges a reading from the APIs: each part replaces what is stored when it is not older. */
    public void seed(RelationshipCard read) {
        cards.merge(read.id(), read, (stored, fresh) -> {
            RelationshipCard merged = isNewer(fresh.changedAt(), stored.changedAt()) ? fresh.withHealth(stored.health())
                    .withOperation(stored.operation()) : stored;
            if (fresh.health() != null && (stored.health() == null
                    || isNewer(fresh.health().sampledAt(), stored.health().sampledAt()))) {
                merged = merged.withHealth(fresh.health());
            }
            Operation heard = stored.operation();
            boolean readAfterHeard = heard == null || (fresh.operation() != null
                    ? isNewer(fresh.operation().at(), heard.at()) : isNewer(fresh.changedAt(), heard.at()));
            if (readAfterHeard) {
                merged = merged.withOperation(fresh.operation());
            }
            return merged;
        });
    }

    /** @return whether the card changed */
    public boolean apply(RelationshipChanged changed) {
        RelationshipCard seen = cards.get(changed.relationshipId());
        if (seen != null && !isNewer(changed.at(), seen.changedAt())) {
            return false;
        }
        RelationshipCard base = seen != null ? seen : new RelationshipCard(changed.relationshipId(), changed.name(),
                changed.phase(), changed.syncMode(), changed.primaryCluster(), changed.primaryState(),
                changed.drCluster(), changed.drState(), changed.at(), null, null);
        RelationshipCard after = base.withRelationship(changed.name(), changed.phase(), changed.syncMode(),
                changed.primaryCluster(), changed.primaryState(), changed.drCluster(), changed.drState(),
                changed.at());
        cards.put(after.id(), after);
        return !after.equals(seen);
    }

    public boolean apply(RelationshipHealthChanged changed) {
        return update(changed.relationshipId(), card -> {
            Health before = card.health();
            if (before != null && !isNewer(changed.observedAt(), before.sampledAt())) {
                return card;
            }
            return card.withHealth(new Health(changed.lagBytes(), before == null ? null : before.lagSeconds(),
                    before == null ? null : before.rpoEstimateSeconds(), changed.primaryState(), changed.drState(),
                    changed.observedAt()));
        });
    }

    /** A health reading with every figure, as monitor-service samples it. */
    public boolean apply(UUID relationshipId, Health sampled) {
        return update(relationshipId, card -> card.health() != null
                && !isNewer(sampled.sampledAt(), card.health().sampledAt()) ? card : card.withHealth(sampled));
    }

    public boolean apply(TaskRequested requested) {
        return operation(requested.target(), requested.taskId(), requested.requestedAt(),
                new Operation(requested.taskId(), requested.type(), null, 0, requested.requestedAt()));
    }

    public boolean apply(TaskProgressed progressed) {
        return operation(progressed.target(), progressed.taskId(), progressed.at(), new Operation(
                progressed.taskId(), progressed.type(), progressed.step(), progressed.percent(), progressed.at()));
    }

    public boolean apply(TaskFinished finished) {
        return relationshipOf(finished.target()).map(id -> update(id, card -> card.operation() != null
                && card.operation().taskId().equals(finished.taskId()) ? card.withOperation(null) : card))
                .orElse(false);
    }

    public void forget(UUID id) {
        cards.remove(id);
    }

    private boolean operation(String target, UUID taskId, Instant at, Operation operation) {
        return relationshipOf(target).map(id -> update(id, card -> {
            Operation running = card.operation();
            if (running != null && running.taskId().equals(taskId) && !isNewer(at, running.at())) {
                return card;
            }
            return card.withOperation(operation);
        })).orElse(false);
    }

    /** A task's target is a relationship's id for DR operations; other tasks name clusters or snapshots. */
    private Optional<UUID> relationshipOf(String target) {
        try {
            UUID id = UUID.fromString(target);
            return cards.containsKey(id) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private boolean update(UUID id, UnaryOperator<RelationshipCard> change) {
        RelationshipCard before = cards.get(id);
        if (before == null) {
            return false;
        }
        RelationshipCard after = cards.computeIfPresent(id, (key, card) -> change.apply(card));
        return after != null && !after.equals(before);
    }

    private static boolean isNewer(Instant candidate, Instant stored) {
        return stored == null || (candidate != null && !candidate.isBefore(stored));
    }
}
