package io.drsuite.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.hamcrest.Matchers.containsString;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import io.drsuite.events.CloudEventHeaders;
import io.drsuite.events.health.HealthEvents;
import io.drsuite.testing.ConsoleSignIn;
import io.drsuite.testing.HeadlessChromium;
import io.drsuite.testing.LocalInfrastructure;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.SignedIn;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.assertj.core.api.Assertions;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The web console in a real browser (headless Chromium) against the running suite, two real PostgreSQL clusters,
 * Kafka and Keycloak: an operator protects one cluster with the other from the console's form and switches over
 * from the relationship page, watching the steps arrive and the roles swap on the overview without a reload, and
 * finds the switchover in the audit trail; a viewer sees the operations disabled with the reason; an admin's
 * failover asks for the name and a reason. Ends with a benchmark of how long a published event takes to show on an
 * open page.
 */
@Order(6)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserSystemTest {

    private static final String RELATIONSHIP = "web";
    private static final int LATENCY_SAMPLES = 20;
    private static final int BURST_SAMPLES = 30;

    private final Suite suite = Suite.get();
    private final DrApi api = new DrApi(suite);
    private final String console = suite.console.baseUrl();
    private PostgresInstance prod;
    private PostgresInstance dr;
    private Page operator;
    private String relationshipId;

    @BeforeAll
    void twoClusters() {
        prod = PostgresInstance.primary("web-prod");
        dr = PostgresInstance.primary("web-dr");
        prod.execute("create table orders (id int primary key)", "insert into orders select generate_series(1, 100)");
        api.register("web-prod", prod);
        api.register("web-dr", dr);
        operator = signIn(HeadlessChromium.shared().desktopPage(), SignedIn.OPERATOR, "/");
    }

    @AfterAll
    void closeEverything() {
        if (operator != null) {
            operator.context().close();
        }
        if (relationshipId != null) {
            String stop = api.operate(relationshipId, "stop", java.util.Map.of("promoteDr", false)).statusCode(202)
                    .extract().jsonPath().getString("taskId");
            api.awaitPhase(relationshipId, "stopped", stop);
        }
        prod.close();
        dr.close();
    }

    /** The overview links to the form; the form creates the relationship; its page shows the start task live. */
    @Test
    @Order(1)
    void anOperatorProtectsAClusterFromTheConsole() {
        operator.navigate(console + "/");
        operator.locator("a.protect-link").click();
        operator.locator("#protect-name").fill(RELATIONSHIP);
        operator.locator("#protect-primary").selectOption("web-prod");
        operator.locator("#protect-dr").selectOption("web-dr");
        Locator protect = operator.locator(".protect-form button[type=submit]");
        operator.locator("#protect-confirm").fill("web-pro");
        assertThat(protect).isDisabled();
        operator.locator("#protect-confirm").fill("web-dr");
        protect.click();

        operator.waitForURL(url -> url.matches(".*/relationships/[0-9a-f-]{36}$"),
                new Page.WaitForURLOptions().setTimeout(30_000));
        relationshipId = operator.url().substring(operator.url().lastIndexOf('/') + 1);
        assertThat(operator.locator("#task-area .task-panel")).containsText("start");
        operator.locator("#task-area .task-panel[data-state=succeeded]")
                .waitFor(new Locator.WaitForOptions().setTimeout(240_000));
        api.awaitPhase(relationshipId, "active", null);

        operator.navigate(console + "/");
        // the page's stream replays what was heard since it was rendered, so a sample announced meanwhile shows
        assertThat(operator.locator("body")).hasAttribute("sse-connect",
                java.util.regex.Pattern.compile("/live\\?since=\\d+"));
        Locator card = card(operator);
        assertThat(card).hasClass(java.util.regex.Pattern.compile("condition-healthy"));
        assertThat(card.locator(".lag-bytes")).hasText(java.util.regex.Pattern.compile("\\d+(\\.\\d)? (B|KiB|MiB)"));
        assertThat(card.locator("[data-side=production] .cluster-name")).hasText("web-prod");
        HeadlessChromium.screenshot(operator, "overview");
    }

    /** The console checks the typed name itself: a different one is refused with a problem, nothing starts. */
    @Test
    @Order(2)
    void aNameThatIsNotTheRelationshipsIsRefusedByTheConsole() {
        given().cookies(ConsoleSignIn.as(console, SignedIn.OPERATOR)).header("HX-Request", "true")
                .contentType("application/x-www-form-urlencoded").formParam("confirm", "wbe")
                .when().post(console + "/relationships/{id}/switchover", relationshipId)
                .then().statusCode(400).body(containsString("class=\"problem\""))
                .body(containsString("Type web exactly"));
        Assertions.assertThat(api.query(relationshipId).getString("phase")).isEqualTo("active");
    }

    /**
     * Switchover through the dialog: the steps arrive one after another on the page without a reload, and the
     * overview open in a second tab shows the roles swapped once the task ended.
     */
    @Test
    @Order(3)
    void aSwitchoverShowsItsStepsLiveAndSwapsTheRolesOnTheOverview() {
        Page overview = operator.context().newPage();
        overview.navigate(console + "/");
        assertThat(card(overview).locator("[data-side=production] .cluster-name")).hasText("web-prod");
        awaitLive(overview);
        overview.evaluate("() => { window.__noReload = 1; }");

        operator.navigate(console + "/relationships/" + relationshipId);
        assertThat(operator.locator(".topology-list li[data-role='main standby']")).containsText("web-dr");
        assertThat(operator.locator("#dialog-switchover .consequence")).containsText("will be stopped cleanly");
        awaitLive(operator);
        operator.evaluate("() => { window.__noReload = 1; }");
        operator.locator("button[data-dialog=dialog-switchover]").click();
        Locator dialog = operator.locator("#dialog-switchover");
        assertThat(dialog).isVisible();
        Locator submit = dialog.locator("button[type=submit]");
        assertThat(submit).isDisabled();
        dialog.locator("input[name=confirm]").fill(RELATIONSHIP);
        submit.click();
        assertThat(dialog).isHidden();
        assertThat(dialog.locator(".problem")).hasCount(0);

        // What the task panel showed, each time it changed: the task's state and every step's state. A busy machine
        // may finish the last steps within one refresh, so the proof of live progress is a panel that showed a step
        // running and then changed, without a reload, until the task succeeded.
        List<String> panelsSeen = new ArrayList<>();
        Set<String> stepsSeenDone = new LinkedHashSet<>();
        boolean screenshot = false;
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            Object panel = operator.evaluate("() => { const p = document.querySelector('#task-area .task-panel');"
                    + " if (!p || p.querySelector('.task-kind').textContent !== 'switchover') { return null; }"
                    + " return p.dataset.state + ' ' + Array.from(p.querySelectorAll('.step'))"
                    + ".map(s => s.dataset.step + '=' + s.dataset.state).join(','); }");
            if (panel != null && (panelsSeen.isEmpty() || !panelsSeen.getLast().equals(panel))) {
                panelsSeen.add((String) panel);
            }
            if (panel != null && panel.toString().contains("=succeeded")) {
                for (String step : panel.toString().substring(panel.toString().indexOf(' ') + 1).split(",")) {
                    if (step.endsWith("=succeeded")) {
                        stepsSeenDone.add(step.substring(0, step.indexOf('=')));
                    }
                }
                if (!screenshot) {
                    HeadlessChromium.screenshot(operator, "relationship-switchover");
                    screenshot = true;
                }
            }
            if (panel != null && panel.toString().startsWith("succeeded ")) {
                break;
            }
            operator.waitForTimeout(100);
        }
        System.out.println("console switchover: task panels seen live " + panelsSeen);
        assertThat(operator.locator("#task-area .task-panel[data-state=succeeded] .task-kind")).hasText("switchover");
        Assertions.assertThat(panelsSeen).as("task panels seen without reload").hasSizeGreaterThanOrEqualTo(2);
        Assertions.assertThat(panelsSeen.getFirst()).as("the first panel seen").doesNotStartWith("succeeded");
        Assertions.assertThat(panelsSeen).as("a panel with a step running")
                .anySatisfy(seen -> Assertions.assertThat(seen).contains("=running"));
        Assertions.assertThat(operator.evaluate("() => window.__noReload")).isEqualTo(1);
        assertThat(operator.locator("#task-area .step-log li").first()).isVisible();

        assertThat(card(overview).locator("[data-side=production] .cluster-name"))
                .hasText("web-dr", new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions()
                        .setTimeout(10_000));
        Assertions.assertThat(overview.evaluate("() => window.__noReload")).isEqualTo(1);
        assertThat(operator.locator("#operation-history tr[data-state=succeeded]")).hasCount(2);
        Assertions.assertThat(stepsSeenDone).as("steps seen finished").isNotEmpty();
        overview.close();

        // The audit trail shows who switched over, linked to the relationship and to the task.
        operator.navigate(console + "/audit?actor=operator&operation=switchover");
        Locator record = operator.locator("#audit-records tr").filter(new Locator.FilterOptions()
                .setHas(operator.locator("a[href='/relationships/" + relationshipId + "']")));
        assertThat(record.first()).isVisible();
        assertThat(record.first().locator(".operation")).containsText("switchover");
        assertThat(record.first().locator(".actor")).containsText("operator");
        assertThat(record.first().locator("a.task-link")).isVisible();
        HeadlessChromium.screenshot(operator, "audit");
    }

    @Test
    @Order(4)
    void aViewerSeesTheOperationsDisabledWithTheReason() {
        Page viewer = signIn(HeadlessChromium.shared().desktopPage(), SignedIn.VIEWER,
                "/relationships/" + relationshipId);
        try {
            Locator switchover = viewer.locator("li[data-operation=switchover]");
            assertThat(switchover.locator("button")).isDisabled();
            assertThat(switchover.locator(".why")).hasText("needs the operator role; you are signed in as viewer");
            assertThat(viewer.locator("li[data-operation=failover] .why"))
                    .hasText("needs the admin role; you are signed in as viewer");
            assertThat(viewer.locator("dialog")).hasCount(0);
        } finally {
            viewer.context().close();
        }
    }

    @Test
    @Order(5)
    void anAdminsFailoverAsksForTheNameAndTheReason() {
        Page admin = signIn(HeadlessChromium.shared().desktopPage(), SignedIn.ADMIN,
                "/relationships/" + relationshipId);
        try {
            admin.locator("button[data-dialog=dialog-failover]").click();
            Locator dialog = admin.locator("#dialog-failover");
            assertThat(dialog).isVisible();
            assertThat(dialog.locator(".consequence")).containsText("will be promoted");
            assertThat(dialog.locator("textarea[name=reason]")).hasAttribute("required", "");
            Locator submit = dialog.locator("button[type=submit]");
            assertThat(submit).isDisabled();
            dialog.locator("input[name=confirm]").fill("we");
            assertThat(submit).isDisabled();
            dialog.locator("input[name=confirm]").fill(RELATIONSHIP);
            assertThat(submit).isEnabled();

            // a change heard while the dialog is open does not replace it (nor what was typed); once it closes, the
            // buttons' region fetches itself
            admin.evaluate("() => { window.__operationsSignals = 0; document.getElementById('operations')"
                    + ".addEventListener('htmx:sseMessage', () => window.__operationsSignals++); }");
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.kafkaBootstrapServers());
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(),
                    new StringSerializer())) {
                producer.send(sample(7_340_032L)).get();
            } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
                throw new AssertionError("could not publish a health sample", e);
            }
            admin.waitForFunction("() => window.__operationsSignals > 0", null,
                    new Page.WaitForFunctionOptions().setTimeout(10_000));
            admin.waitForTimeout(500);
            assertThat(dialog).isVisible();
            assertThat(dialog.locator("input[name=confirm]")).hasValue(RELATIONSHIP);
            Locator operations = admin.locator("#operations");
            operations.evaluate("region => region.setAttribute('data-before-close', '')");
            dialog.locator("button[data-close-dialog]").click();
            assertThat(dialog).isHidden();
            assertThat(operations).not().hasAttribute("data-before-close", "");
            Assertions.assertThat(api.query(relationshipId).getString("phase")).isEqualTo("active");
        } finally {
            admin.context().close();
        }
    }

    /**
     * Event published -> visible on the page: health samples with figures of their own, each awaited on the overview
     * card (a MutationObserver notes when its text appears, by the same wall clock as the test). First, the overview
     * at a phone's size.
     */
    @Test
    @Order(6)
    void liveUpdatesReachTheOpenPageQuickly() throws Exception {
        Page phone = signIn(HeadlessChromium.shared().phonePage(), SignedIn.OPERATOR, "/");
        try {
            assertThat(card(phone)).isVisible();
            HeadlessChromium.screenshot(phone, "overview-phone");
        } finally {
            phone.context().close();
        }

        operator.navigate(console + "/");
        awaitLive(operator);
        operator.evaluate("id => { window.__seen = {}; const note = () => { const dd = document.querySelector("
                + "'#relationship-' + id + ' .lag-bytes'); if (dd && !(dd.textContent in window.__seen)) {"
                + " window.__seen[dd.textContent] = Date.now(); } };"
                + " new MutationObserver(note).observe(document.body, {subtree: true, childList: true,"
                + " characterData: true}); }", relationshipId);
        List<Long> latencies = new ArrayList<>();
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.kafkaBootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < LATENCY_SAMPLES; i++) {
                long lagBytes = 50_000_000L + i * 1_048_576L;
                String shown = String.format(java.util.Locale.ROOT, "%.1f MiB", lagBytes / 1_048_576.0);
                long published = System.currentTimeMillis();
                producer.send(sample(lagBytes)).get();
                long seen = awaitSeen(shown);
                latencies.add(seen - published);
            }
        }
        assertBurstEndsOnItsLastSample();
        Collections.sort(latencies);
        long p50 = latencies.get(latencies.size() / 2);
        long p95 = latencies.get((int) Math.ceil(latencies.size() * 0.95) - 1);
        long max = latencies.getLast();
        System.out.printf("console live update latency (event published -> visible, %d events): p50 %d ms, "
                + "p95 %d ms, max %d ms%n", latencies.size(), p50, p95, max);
        Assertions.assertThat(p95).as("p95 live update latency, ms (target under 1000)").isLessThan(5_000);

    }

    /**
     * Samples sent back to back: each one's signal can arrive while the card is still fetching or swapping in the one
     * before, and the card must still end on the last.
     */
    private void assertBurstEndsOnItsLastSample() throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.kafkaBootstrapServers());
        long lagBytes = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < BURST_SAMPLES; i++) {
                lagBytes = 80_000_000L + i * 1_048_576L;
                producer.send(sample(lagBytes));
                operator.waitForTimeout(15);
            }
            producer.flush();
        }
        awaitSeen(String.format(java.util.Locale.ROOT, "%.1f MiB", lagBytes / 1_048_576.0));
    }

    /**
     * A health sample dated an hour ahead: the console keeps the newest sample by its time, so monitor-service's own
     * samples of the relationship, polled meanwhile, cannot replace it before the page has fetched the card.
     */
    private ProducerRecord<String, String> sample(long lagBytes) {
        Instant sampledAt = Instant.now().plus(Duration.ofHours(1));
        String payload = "{\"relationshipId\":\"" + relationshipId + "\",\"name\":\"" + RELATIONSHIP
                + "\",\"primaryState\":\"archive\",\"drState\":\"recovery\",\"lagBytes\":" + lagBytes
                + ",\"lagSeconds\":0.0,\"rpoEstimateSeconds\":0.0,\"sampledAt\":\"" + sampledAt + "\"}";
        ProducerRecord<String, String> record = new ProducerRecord<>(HealthEvents.RELATIONSHIP_SAMPLED.topic(),
                relationshipId, payload);
        record.headers().add(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0.getBytes(UTF_8));
        record.headers().add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(UTF_8));
        record.headers().add(CloudEventHeaders.SOURCE, "console-browser-test".getBytes(UTF_8));
        record.headers().add(CloudEventHeaders.TYPE, HealthEvents.RELATIONSHIP_SAMPLED.type().getBytes(UTF_8));
        record.headers().add(CloudEventHeaders.TIME, Instant.now().toString().getBytes(UTF_8));
        record.headers().add(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON.getBytes(UTF_8));
        return record;
    }

    private long awaitSeen(String shown) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Object seen = operator.evaluate("text => window.__seen ? (window.__seen[text] || null) : 'reloaded'",
                    shown);
            if ("reloaded".equals(seen)) {
                throw new AssertionError("the page reloaded (its live stream was interrupted) before it showed "
                        + shown);
            }
            if (seen instanceof Number at) {
                return at.longValue();
            }
            operator.waitForTimeout(20);
        }
        Object page = operator.evaluate("id => { const dd = document.querySelector('#relationship-' + id"
                + " + ' .lag-bytes'); const state = document.getElementById('live-state'); return 'card shows '"
                + " + (dd && dd.textContent) + ', live stream ' + document.body.getAttribute('data-live') + ' '"
                + " + (state && state.textContent); }", relationshipId);
        throw new AssertionError("the card never showed a lag of " + shown + " (" + page + ")");
    }

    private Locator card(Page page) {
        return page.locator("#relationship-" + relationshipId);
    }

    /** The page's live stream is open (console.js marks the body). */
    private static void awaitLive(Page page) {
        page.locator("body[data-live=open]").waitFor(new Locator.WaitForOptions().setTimeout(15_000));
    }

    /** Opens {@code path} of the console, signs in on Keycloak's form and comes back to it. */
    private Page signIn(Page page, String user, String path) {
        page.navigate(console + path);
        page.locator("#username").fill(user);
        page.locator("#password").fill(SignedIn.demoPassword(user));
        page.locator("#kc-login").click();
        page.waitForURL(url -> url.startsWith(console), new Page.WaitForURLOptions().setTimeout(30_000));
        page.waitForLoadState(LoadState.LOAD);
        return page;
    }
}
