package io.drsuite.clusterclient.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RenamedClusterKeysTest {

    /** A service's own mapping under an old key's prefix: the old key must not be taken for one of its own. */
    @ConfigMapping(prefix = "drsuite.monitor")
    interface MonitorSettings {

        @WithDefault("2s")
        Duration pollInterval();
    }

    @Test
    void eachUseKeepsTodaysDefaults() {
        ClustersConfig clusters = clusters(Map.of(), Map.of());

        assertEquals(Duration.ofSeconds(3), clusters.connectTimeout());
        assertEquals(Duration.ofSeconds(30), clusters.statementTimeout());
        assertEquals(Duration.ofSeconds(5), clusters.probe().connectTimeout());
        assertEquals(Duration.ofSeconds(10), clusters.probe().statementTimeout());
        assertEquals(Duration.ofSeconds(2), clusters.liveReads().connectTimeout());
        assertEquals(Duration.ofSeconds(2), clusters.liveReads().statementTimeout());
        assertEquals(Duration.ofSeconds(1), clusters.poll().connectTimeout());
        assertEquals(Duration.ofSeconds(2), clusters.poll().statementTimeout());
        assertEquals("/usr/lib/postgresql/{major}/bin", clusters.binTemplate());
        assertEquals("/etc/drsuite/ssh/keys", clusters.sshKeyDirectory());
        assertEquals("/etc/drsuite/ssh/known_hosts", clusters.sshKnownHosts());
    }

    @Test
    void everyOldKeyStillTakesEffect() {
        Map<String, String> old = new HashMap<>();
        old.put("drsuite.cluster-sessions.connect-timeout", "4s");
        old.put("drsuite.cluster-sessions.statement-timeout", "40s");
        old.put("drsuite.relationship.probe.connect-timeout", "6s");
        old.put("drsuite.relationship.probe.query-timeout", "11s");
        old.put("drsuite.relationship.live-reads.connect-timeout", "7s");
        old.put("drsuite.relationship.live-reads.query-timeout", "8s");
        old.put("drsuite.monitor.connect-timeout", "9s");
        old.put("drsuite.monitor.statement-timeout", "12s");
        old.put("drsuite.relationship.hosts.bin-template", "/opt/pg{major}/bin");
        old.put("drsuite.relationship.hosts.ssh-key-directory", "/keys");
        old.put("drsuite.relationship.hosts.ssh-known-hosts", "/known");

        ClustersConfig clusters = clusters(old, Map.of());

        assertEquals(Duration.ofSeconds(4), clusters.connectTimeout());
        assertEquals(Duration.ofSeconds(40), clusters.statementTimeout());
        assertEquals(Duration.ofSeconds(6), clusters.probe().connectTimeout());
        assertEquals(Duration.ofSeconds(11), clusters.probe().statementTimeout());
        assertEquals(Duration.ofSeconds(7), clusters.liveReads().connectTimeout());
        assertEquals(Duration.ofSeconds(8), clusters.liveReads().statementTimeout());
        assertEquals(Duration.ofSeconds(9), clusters.poll().connectTimeout());
        assertEquals(Duration.ofSeconds(12), clusters.poll().statementTimeout());
        assertEquals("/opt/pg{major}/bin", clusters.binTemplate());
        assertEquals("/keys", clusters.sshKeyDirectory());
        assertEquals("/known", clusters.sshKnownHosts());
    }

    @Test
    void anOldVariableOverridesTheNewKeyOfTheApplicationProperties() {
        ClustersConfig clusters = clusters(Map.of("drsuite.clusters.poll.connect-timeout", "1s"),
                Map.of("DRSUITE_MONITOR_CONNECT_TIMEOUT", "5s"));

        assertEquals(Duration.ofSeconds(5), clusters.poll().connectTimeout());
    }

    @Test
    void theNewKeyWinsOverTheOldInTheSameSource() {
        ClustersConfig clusters = clusters(Map.of("drsuite.clusters.poll.connect-timeout", "3s",
                "drsuite.monitor.connect-timeout", "9s"), Map.of());

        assertEquals(Duration.ofSeconds(3), clusters.poll().connectTimeout());
    }

    @Test
    void aProfiledOldKeyTakesEffectInItsProfile() {
        SmallRyeConfig config = builder(Map.of("%test.drsuite.clusters.catalog-wait", "5s",
                "drsuite.clusters.catalog-wait", "30s"), Map.of()).withProfile("test").build();

        assertEquals(Duration.ofSeconds(5), config.getValue("drsuite.tasks.catalog-wait", Duration.class));
    }

    @Test
    void oldKeysAreNotUnknownToTheMappingsOfTheirFormerPrefix() {
        SmallRyeConfig config = builder(Map.of("drsuite.monitor.connect-timeout", "9s",
                "smallrye.config.mapping.validate-unknown", "true"), Map.of())
                .withMapping(ClustersConfig.class).withMapping(MonitorSettings.class).build();

        assertEquals(Duration.ofSeconds(9), config.getConfigMapping(ClustersConfig.class).poll().connectTimeout());
        assertEquals(Duration.ofSeconds(2), config.getConfigMapping(MonitorSettings.class).pollInterval());
    }

    private static ClustersConfig clusters(Map<String, String> properties, Map<String, String> variables) {
        return builder(properties, variables).withMapping(ClustersConfig.class).build()
                .getConfigMapping(ClustersConfig.class);
    }

    /**
     * Sources as in a service: application.properties (ordinal 250) under the environment (300); durations read
     * as Quarkus reads them ({@code 3s}).
     */
    private static SmallRyeConfigBuilder builder(Map<String, String> properties, Map<String, String> variables) {
        return new SmallRyeConfigBuilder().addDefaultInterceptors().addDiscoveredInterceptors()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250),
                        new EnvConfigSource(variables, 300));
    }
}
