package io.drsuite.task.dr;

import static io.drsuite.task.dr.DrFixture.awaitSucceeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drsuite.events.EventType;
import io.drsuite.events.cluster.ClusterNode;
import io.drsuite.events.cluster.HostAccess;
import io.drsuite.events.cluster.HostAccessKind;
import io.drsuite.events.cluster.NodeRole;
import io.drsuite.events.task.DnsRoute;
import io.drsuite.events.task.DnsRoutes;
import io.drsuite.events.task.DrTasks;
import io.drsuite.platform.secrets.SecretBinding;
import io.drsuite.platform.secrets.SecretSealer;
import io.drsuite.task.engine.StepContext;
import io.drsuite.task.routing.DnsRouting;
import io.drsuite.testing.BindServer;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.RegistryFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/**
 * The {@code point-dns} step against a real BIND 9 on a loopback port: a TSIG-signed RFC 2136 update moves the name
 * to the new primary (A, AAAA or CNAME), a wrong key is refused and changes nothing, and a DR switchover with a DNS
 * route ends with the name pointing at the promoted node.
 */
@QuarkusTest
class DnsRoutingTest {

    private static final Logger LOG = Logger.getLogger(DnsRoutingTest.class);
    private static final String ZONE = "db.example.";
    private static final String NAME = "shop-rw.db.example.";

    @Inject
    DnsRouting routing;

    @Inject
    SecretSealer sealer;

    @Inject
    RegistryFixture registry;

    @Test
    void anUpdateSignedWithTheRouteKeyMovesTheNameAndAWrongKeyIsRefused() throws Exception {
        try (BindServer dns = BindServer.start(ZONE, Map.of(NAME, "10.0.0.1"))) {
            UUID owner = UUID.randomUUID();
            TestContext wrongKey = new TestContext(route(dns, owner, randomKey()));

            assertThatThrownBy(() -> routing.pointNamesAt(wrongKey, node("127.0.0.1")))
                    .hasMessageContaining("refused the update of " + NAME).hasMessageContaining("NOTAUTH");
            assertThat(dns.answer(NAME)).as("a refused update changes nothing").containsExactly("10.0.0.1");
            assertThat(wrongKey.artifacts).isEmpty();

            TestContext context = new TestContext(route(dns, owner, dns.keySecret()));
            long started = System.nanoTime();
            routing.pointNamesAt(context, node("127.0.0.1"));
            LOG.infof("point-dns took %d ms against %s", Duration.ofNanos(System.nanoTime() - started).toMillis(),
                    dns);

            assertThat(dns.answer(NAME)).containsExactly("127.0.0.1");
            assertThat(dns.ttl(NAME, Type.A)).isEqualTo(30);
            assertThat(context.artifacts).containsEntry("dns." + NAME, "127.0.0.1");
            assertThat(context.log).singleElement().asString().startsWith("pointed " + NAME + " at 127.0.0.1");

            routing.pointNamesAt(context, node("::1"));
            assertThat(dns.answer(NAME)).as("an IPv6 primary replaces the A record").containsExactly("0:0:0:0:0:0:0:1");
            routing.pointNamesAt(context, node("db-2.internal.example"));
            assertThat(dns.answer(NAME)).as("a primary known by name is a CNAME")
                    .containsExactly("db-2.internal.example.");
            routing.pointNamesAt(context, node("127.0.0.1"));
            routing.pointNamesAt(context, node("127.0.0.1"));
            assertThat(dns.answer(NAME)).as("the same update again changes nothing").containsExactly("127.0.0.1");
            assertThat(Files.readString(dns.directory().resolve("named.log"))).doesNotContain(dns.keySecret());
            assertThat(Files.readString(Path.of("target/test-service.log"))).as("the key is never logged")
                    .contains("pointed " + NAME).doesNotContain(dns.keySecret());
        }
    }

    @Test
    void aTaskWithoutRoutesHasNothingToPoint() throws Exception {
        TestContext context = new TestContext(List.of());
        assertThat(DnsRouting.carriesRoutes(context)).isFalse();
        routing.pointNamesAt(context, node("127.0.0.1"));
        assertThat(context.log).isEmpty();
    }

    @Test
    void aDrSwitchoverEndsWithTheNamePointingAtThePromotedNode() throws Exception {
        DrFixture fixture = new DrFixture(registry);
        try (PostgresInstance prod = PostgresInstance.primary("prod-dns");
                PostgresInstance dr = PostgresInstance.primary("dr-dns");
                BindServer dns = BindServer.start(ZONE, Map.of(NAME, "10.0.0.1"))) {
            fixture.register("prod-dns", prod);
            fixture.register("dr-dns", dr);
            awaitSucceeded(fixture.request(DrTasks.START, "rel-dns", "prod-dns", "dr-dns", Map.of()));
            UUID relationship = UUID.randomUUID();
            Map<String, String> parameters = new HashMap<>();
            DnsRoutes.write(route(dns, relationship, dns.keySecret()), parameters);

            JsonPath switchover = awaitSucceeded(fixture.request(DrTasks.SWITCHOVER, "rel-dns", "prod-dns",
                    "dr-dns", parameters));

            assertThat(dr.inRecovery()).isFalse();
            assertThat(dns.answer(NAME)).containsExactly("127.0.0.1");
            assertThat(switchover.getList("steps.name")).last().isEqualTo(DnsRouting.STEP);
            assertThat(switchover.getMap("steps.find { it.name == 'point-dns' }.artifacts"))
                    .containsEntry("dns." + NAME, "127.0.0.1");
            Duration step = Duration.between(
                    Instant.parse(switchover.getString("steps.find { it.name == 'point-dns' }.startedAt")),
                    Instant.parse(switchover.getString("steps.find { it.name == 'point-dns' }.finishedAt")));
            LOG.infof("the point-dns step of a DR switchover took %d ms", step.toMillis());
            assertThat(switchover.getString("parameters")).as("only the sealed key travels")
                    .doesNotContain(dns.keySecret());
        }
    }

    private List<DnsRoute> route(BindServer dns, UUID owner, String key) {
        return List.of(new DnsRoute("127.0.0.1", dns.port(), ZONE, NAME, 30, BindServer.KEY_NAME + ".",
                BindServer.ALGORITHM, owner, sealer.seal(key, SecretBinding.dnsTsigKey(owner))));
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static ManagedNode node(String host) {
        return new ManagedNode(new ClusterNode("new-primary", host, 5432, "/var/lib/postgresql/15/main",
                NodeRole.PRIMARY, new HostAccess(HostAccessKind.LOCAL, "postgres", null, null, null, null)), null,
                null, null);
    }

    /** A step's view of a task that carries the routes, keeping what the step records and logs. */
    private static final class TestContext implements StepContext {

        final Map<String, String> parameters = new HashMap<>();
        final Map<String, String> artifacts = new HashMap<>();
        final List<String> log = new ArrayList<>();
        final UUID taskId = UUID.randomUUID();

        TestContext(List<DnsRoute> routes) {
            DnsRoutes.write(routes, parameters);
        }

        @Override
        public UUID taskId() {
            return taskId;
        }

        @Override
        public String type() {
            return DrTasks.SWITCHOVER;
        }

        @Override
        public String target() {
            return "dns-test";
        }

        @Override
        public Map<String, String> parameters() {
            return parameters;
        }

        @Override
        public Optional<String> artifact(String key) {
            return Optional.ofNullable(artifacts.get(key));
        }

        @Override
        public void record(String key, String value) {
            artifacts.put(key, value);
        }

        @Override
        public void recordNow(String key, String value) {
            artifacts.put(key, value);
        }

        @Override
        public void log(String message) {
            log.add(message);
        }

        @Override
        public void progress(int percentOfStep) {
        }

        @Override
        public <P> void announce(EventType<P> type, String aggregateId, P payload) {
            throw new UnsupportedOperationException("the DNS step announces nothing");
        }

        @Override
        public boolean cancelRequested() {
            return false;
        }

        @Override
        public Instant deadline() {
            return Instant.now().plusSeconds(60);
        }
    }
}
