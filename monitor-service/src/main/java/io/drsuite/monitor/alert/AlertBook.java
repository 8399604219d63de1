package io.drsuite.monitor.alert;

import io.drsuite.events.EventType;
import io.drsuite.events.alert.AlertChanged;
import io.drsuite.events.alert.AlertEvents;
import io.drsuite.monitor.config.MonitorConfig;
import io.drsuite.monitor.model.Alert;
import io.drsuite.platform.outbox.EventOutbox;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Turns each poll's breaches into alerts with hysteresis: raised once after {@code raise-after} breached polls in
 * a row, resolved once after {@code resolve-after} clean polls in a row, each change stored and announced on
 * {@code drsuite.alerts} in one transaction. One instance at a time evaluates (an advisory lock), so replicas do
 * not raise the same alert twice.
 */
@ApplicationScoped
public class AlertBook {

    private static final Logger LOG = Logger.getLogger(AlertBook.class);

    private final EventOutbox outbox;
    private final EntityManager entityManager;
    private final MonitorConfig.Alerts config;
    private final Map<String, Integer> breachedPolls = new HashMap<>();
    private final Map<String, Integer> cleanPolls = new HashMap<>();
    private final Map<String, AtomicLong> firing = new ConcurrentHashMap<>();

    AlertBook(EventOutbox outbox, EntityManager entityManager, MonitorConfig config, MeterRegistry registry) {
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.config = config.alerts();
        for (AlertRule rule : AlertRule.values()) {
            AtomicLong count = new AtomicLong();
            firing.put(rule.wireName(), count);
            Gauge.builder("drsuite.alerts.firing", count, AtomicLong::get).tag("rule", rule.wireName())
                    .description("Alerts firing now").register(registry);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public synchronized void record(List<Breach> breaches) {
        if (!holdsLock()) {
            return;
        }
        Map<String, Breach> now = breaches.stream()
                .collect(Collectors.toMap(Breach::key, Function.identity(), (first, second) -> first));
        Map<String, Alert> open = Alert.firing().stream()
                .collect(Collectors.toMap(alert -> alert.rule + " " + alert.subject, Function.identity()));
        for (Breach breach : now.values()) {
            cleanPolls.remove(breach.key());
            int polls = breachedPolls.merge(breach.key(), 1, Integer::sum);
            if (polls >= config.raiseAfter() && !open.containsKey(breach.key())) {
                open.put(breach.key(), raise(breach));
            }
        }
        breachedPolls.keySet().retainAll(now.keySet());
        for (Map.Entry<String, Alert> entry : open.entrySet()) {
            if (now.containsKey(entry.getKey())) {
                continue;
            }
            int polls = cleanPolls.merge(entry.getKey(), 1, Integer::sum);
            if (polls >= config.resolveAfter()) {
                resolve(entry.getValue());
                cleanPolls.remove(entry.getKey());
            }
        }
        cleanPolls.keySet().retainAll(open.keySet());
        Map<String, Long> counts = Alert.firing().stream()
                .collect(Collectors.groupingBy(alert -> alert.rule, Collectors.counting()));
        firing.forEach((rule, count) -> count.set(counts.getOrDefault(rule, 0L)));
    }

    private Alert raise(Breach breach) {
        Alert alert = new Alert();
        alert.id = UUID.randomUUID();
        alert.rule = breach.rule().wireName();
        alert.subject = breach.subject();
        alert.relationshipId = breach.relationshipId();
        alert.detail = breach.detail();
        alert.state = Alert.State.FIRING;
        alert.raisedAt = Instant.now();
        alert.persist();
        announce(AlertEvents.RAISED, alert);
        LOG.warnf("Alert raised: %s %s: %s", alert.rule, alert.subject, alert.detail);
        return alert;
    }

    private void resolve(Alert alert) {
        alert.setAsResolved();
        announce(AlertEvents.RESOLVED, alert);
        LOG.infof("Alert resolved: %s %s", alert.rule, alert.subject);
    }

    private void announce(EventType<AlertChanged> type, Alert alert) {
        outbox.record(type, alert.id.toString(), new AlertChanged(alert.id, alert.rule, alert.subject,
                alert.relationshipId, alert.detail, alert.raisedAt, alert.resolvedAt));
    }

    private boolean holdsLock() {
        Object locked = entityManager.createNativeQuery(
                "select pg_try_advisory_xact_lock(hashtext(current_schema() || '.alert'))").getSingleResult();
        return Boolean.TRUE.equals(locked);
    }
}
