package io.drsuite.platform.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.drsuite.platform.problem.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeysetTest {

    @Test
    void theKeyOfTheLastItemComesBackFromTheCursorOfTheNextPage() {
        Instant at = Instant.parse("2026-12-01T08:00:00.123456Z");
        UUID id = UUID.randomUUID();
        Page<String> page = Page.of(List.of("a", "b"), new PageRequest(1, null), item -> Keyset.key(at, id));

        Keyset<UUID> after = Keyset.after(PageRequest.of(1, PageRequest.encode(page.nextAfter())), UUID::fromString);

        assertEquals(new Keyset<>(at, id), after);
        assertNull(Keyset.after(PageRequest.of(1, null), UUID::fromString), "the first page continues after nothing");
        assertEquals(new Keyset<>(at, 0L),
                Keyset.after(PageRequest.of(1, PageRequest.encode(Keyset.key(at, 0))), Long::parseLong));
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders", "2026-12-01T08:00:00Z", "yesterday|0f8fad5b-d9cb-469f-a165-70867728950e",
        "2026-12-01T08:00:00Z|not-a-uuid", "2026-12-01T08:00:00Z|"})
    void aCursorWithoutSuchAKeyIsABadRequestNamingTheCursor(String key) {
        PageRequest page = PageRequest.of(10, PageRequest.encode(key));

        ProblemException refused = assertThrows(ProblemException.class, () -> Keyset.after(page, UUID::fromString));

        assertEquals(400, refused.problem().status());
        assertEquals("cursor", refused.problem().field());
    }

    @Test
    void aQueryBindsTheFiltersAndThePositionAndNeverCarriesThem() {
        UUID id = UUID.randomUUID();
        KeysetQuery newest = KeysetQuery.newestFirst("createdAt", "id").whereEqual("target", "x' or 1=1 --")
                .whereEqual("state", null).after(new Keyset<>(Instant.EPOCH, id));
        KeysetQuery oldest = KeysetQuery.oldestFirst("sampledAt", "id")
                .where("sampledAt <= :to", "to", Instant.EPOCH).after(null);

        assertEquals("target = :target and (createdAt < :afterAt or (createdAt = :afterAt and id < :afterId)) "
                + "order by createdAt desc, id desc", newest.jpql());
        assertEquals(Map.of("target", "x' or 1=1 --", "afterAt", Instant.EPOCH, "afterId", id), newest.parameters());
        assertEquals("sampledAt <= :to order by sampledAt, id", oldest.jpql());
    }
}
