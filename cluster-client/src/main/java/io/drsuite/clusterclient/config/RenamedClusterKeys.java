package io.drsuite.clusterclient.config;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import java.io.Serial;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Keeps the keys {@code drsuite.clusters.*} replaced working for one release: a new key that is not set, or set in a
 * source of lower ordinal (an old key given as an environment variable over the new default in
 * {@code application.properties}), takes the old key's value, with a warning naming the new key. Names are listed
 * under their new key, so nothing sees the old ones as unknown. Registered through {@code META-INF/services}, so it
 * runs at build time, in the JVM and in native images alike.
 */
public class RenamedClusterKeys implements ConfigSourceInterceptor {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final Logger LOG = Logger.getLogger(RenamedClusterKeys.class);

    /** New key by old key. */
    public static final Map<String, String> RENAMED = Map.ofEntries(
            Map.entry("drsuite.cluster-sessions.connect-timeout", "drsuite.clusters.connect-timeout"),
            Map.entry("drsuite.cluster-sessions.statement-timeout", "drsuite.clusters.statement-timeout"),
            Map.entry("drsuite.relationship.probe.connect-timeout", "drsuite.clusters.probe.connect-timeout"),
            Map.entry("drsuite.relationship.probe.query-timeout", "drsuite.clusters.probe.statement-timeout"),
            Map.entry("drsuite.relationship.live-reads.connect-timeout", "drsuite.clusters.live-reads.connect-timeout"),
            Map.entry("drsuite.relationship.live-reads.query-timeout", "drsuite.clusters.live-reads.statement-timeout"),
            Map.entry("drsuite.monitor.connect-timeout", "drsuite.clusters.poll.connect-timeout"),
            Map.entry("drsuite.monitor.statement-timeout", "drsuite.clusters.poll.statement-timeout"),
            Map.entry("drsuite.relationship.hosts.bin-template", "drsuite.clusters.bin-template"),
            Map.entry("drsuite.relationship.hosts.ssh-key-directory", "drsuite.clusters.ssh-key-directory"),
            Map.entry("drsuite.relationship.hosts.ssh-known-hosts", "drsuite.clusters.ssh-known-hosts"),
            Map.entry("drsuite.clusters.catalog-wait", "drsuite.tasks.catalog-wait"));

    private static final Map<String, String> OLD_BY_NEW = RENAMED.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

    /** The same renames in the form environment variables take, so the old variables are listed as the new. */
    private static final Map<String, String> RENAMED_VARIABLES = RENAMED.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(entry -> variable(entry.getKey()),
                    entry -> variable(entry.getValue())));

    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue current = context.proceed(name);
        String oldName = oldName(name);
        if (oldName == null) {
            return current;
        }
        ConfigValue former = context.proceed(oldName);
        if (former == null || current != null && current.getConfigSourceOrdinal() >= former.getConfigSourceOrdinal()) {
            return current;
        }
        if (WARNED.add(oldName)) {
            LOG.warnf("Configuration key %s is deprecated and will be removed in the next release: use %s", oldName,
                    name);
        }
        return former.withName(name);
    }

    @Override
    public Iterator<String> iterateNames(ConfigSourceInterceptorContext context) {
        Iterator<String> names = context.iterateNames();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return names.hasNext();
            }

            @Override
            public String next() {
                return newName(names.next());
            }
        };
    }

    /** The old key of a new one, keeping a {@code %profile.} prefix; null when the key was not renamed. */
    private static String oldName(String name) {
        int split = profileEnd(name);
        String old = OLD_BY_NEW.get(name.substring(split));
        return old == null ? null : name.substring(0, split) + old;
    }

    private static String newName(String name) {
        int split = profileEnd(name);
        String rest = name.substring(split);
        String renamed = RENAMED.getOrDefault(rest, RENAMED_VARIABLES.get(rest));
        return renamed == null ? name : name.substring(0, split) + renamed;
    }

    /** Where the key starts after a {@code %profile.} prefix (0 without one). */
    private static int profileEnd(String name) {
        return name.startsWith("%") && name.indexOf('.') > 0 ? name.indexOf('.') + 1 : 0;
    }

    private static String variable(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
