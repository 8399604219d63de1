package io.drsuite.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.CloudEventHeaders;
import io.drsuite.events.EventType;
import io.drsuite.events.relationship.RelationshipChanged;
import io.drsuite.events.relationship.RelationshipEvents;
import io.drsuite.testing.ConsoleSignIn;
import io.drsuite.testing.KafkaProbe;
import io.drsuite.testing.SignedIn;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * An event published on the real Kafka reaches an open page's live stream, and the console's projection answers the
 * card from it alone: nothing here runs relationship-service, so the card can only come from the event.
 */
@QuarkusTest
class LiveStreamTest {

    private static final String URL = ConsoleTestInfrastructure.url();

    @Inject
    ObjectMapper json;

    @Test
    void aRelationshipEventIsPushedToOpenPagesAndItsCardIsAnsweredFromTheProjection() throws Exception {
        Map<String, String> session = ConsoleSignIn.as(URL, SignedIn.OPERATOR);
        UUID id = UUID.randomUUID();
        BlockingQueue<String> events = new ArrayBlockingQueue<>(100);
        try (InputStream stream = openLiveStream(session)) {
            Thread reader = Thread.ofVirtual().start(() -> readEventNames(stream, events));
            Instant at = Instant.now();
            publish(RelationshipEvents.CHANGED, id, new RelationshipChanged(id, "shop", "switching_over", "prod",
                    "dr", "async", "switchover", "switchover", at));
            assertEquals("relationship-" + id, next(events, "relationship-" + id));

            given().cookies(session).header("HX-Request", "true")
                    .when().get(URL + "/fragments/relationships/" + id + "/card")
                    .then().statusCode(200)
                    .body(allOf(containsString("data-relationship=\"shop\""),
                            containsString("data-phase=\"switching_over\""), containsString("condition-busy"),
                            containsString("hx-trigger=\"sse:relationship-" + id + "\"")));

            // An older event changes nothing; a newer one moves the card on.
            publish(RelationshipEvents.CHANGED, id, new RelationshipChanged(id, "shop", "active", "prod", "dr",
                    "async", "archive", "recovery", at.minusSeconds(60)));
            publish(RelationshipEvents.CHANGED, id, new RelationshipChanged(id, "shop", "active", "dr", "prod",
                    "async", "archive", "recovery", at.plusSeconds(1)));
            assertEquals("relationship-" + id, next(events, "relationship-" + id));
            given().cookies(session).header("HX-Request", "true")
                    .when().get(URL + "/fragments/relationships/" + id + "/card")
                    .then().statusCode(200)
                    .body(allOf(containsString("data-phase=\"active\""), containsString("condition-healthy")));
            reader.interrupt();
        }
    }

    /**
     * A page whose stream opens after an event was heard (the page was on its way) is sent that event's signal first:
     * the page says when it was rendered ({@code since}, as the browser test sees in the layout), and the stream
     * replays from then.
     */
    @Test
    void aStreamOpenedAfterAnEventStillBringsItsSignal() throws Exception {
        Map<String, String> session = ConsoleSignIn.as(URL, SignedIn.OPERATOR);
        long renderedAt = System.currentTimeMillis();
        UUID id = UUID.randomUUID();
        publish(RelationshipEvents.CHANGED, id, new RelationshipChanged(id, "late", "starting", "prod", "dr",
                "async", "archive", "recovery", Instant.now()));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> given().cookies(session)
                .header("HX-Request", "true").when().get(URL + "/fragments/relationships/" + id + "/card")
                .statusCode() == 200);

        BlockingQueue<String> events = new ArrayBlockingQueue<>(1000);
        try (InputStream stream = openLiveStream(session, "/live?since=" + renderedAt)) {
            Thread reader = Thread.ofVirtual().start(() -> readEventNames(stream, events));
            assertEquals("relationship-" + id, next(events, "relationship-" + id));
            reader.interrupt();
        }
    }

    private InputStream openLiveStream(Map<String, String> session) throws Exception {
        return openLiveStream(session, "/live");
    }

    private InputStream openLiveStream(Map<String, String> session, String path) throws Exception {
        String cookies = session.entrySet().stream().map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(URL + path)).header("Accept", "text/event-stream").header("Cookie", cookies)
                .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        // The subscription is made when the first bytes flow; give the stream a moment before publishing.
        Thread.sleep(500);
        return response.body();
    }

    private static void readEventNames(InputStream stream, BlockingQueue<String> events) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("event:")) {
                    events.add(line.substring("event:".length()).trim());
                }
            }
        } catch (java.io.IOException closed) {
            // The test closed the stream.
        }
    }

    /** The next signal with this name, skipping the others (the relationships list, keep-alives). */
    private static String next(BlockingQueue<String> events, String name) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            String event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (name.equals(event)) {
                return event;
            }
        }
        throw new AssertionError("no live signal " + name + " within 15 s");
    }

    private <P> void publish(EventType<P> type, UUID key, P payload) throws Exception {
        KafkaProbe.send(type.topic(), key.toString(), json.writeValueAsString(payload), Map.of(
                CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0,
                CloudEventHeaders.ID, UUID.randomUUID().toString(),
                CloudEventHeaders.SOURCE, "console-test",
                CloudEventHeaders.TYPE, type.type(),
                CloudEventHeaders.TIME, Instant.now().toString(),
                CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON));
    }
}
