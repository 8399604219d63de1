package io.drsuite.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.config.Service;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * All items of a paged list of the suite's APIs ({@code ?limit=&cursor=}, the next page's address in a
 * {@code Link: <...>; rel="next"} header), read page by page into one array: registries and relationships are
 * small, and a name is looked up among all of them.
 */
public final class EveryPage {

    private static final int PAGE_SIZE = 500;
    private static final Pattern NEXT = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?next\"?");

    private EveryPage() {
    }

    /** Every item of the list at {@code path} (a path without a query). */
    public static ArrayNode of(Cli cli, Service service, String path) {
        SuiteClient client = cli.client();
        ArrayNode all = cli.json().createArrayNode();
        String cursor = null;
        do {
            SuiteClient.Answer answer = client.send(service, "GET",
                    ApiPath.of(path).query("limit", PAGE_SIZE).query("cursor", cursor), null);
            JsonNode items = answer.body();
            if (items != null && items.isArray()) {
                all.addAll((ArrayNode) items);
            }
            cursor = nextCursor(answer.link());
        } while (cursor != null);
        return all;
    }

    /** The {@code cursor} of the {@code rel="next"} address of a Link header; null on the last page. */
    static String nextCursor(String link) {
        if (link == null) {
            return null;
        }
        Matcher next = NEXT.matcher(link);
        if (!next.find()) {
            return null;
        }
        String query = URI.create(next.group(1)).getRawQuery();
        if (query == null) {
            return null;
        }
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("cursor=")) {
                return URLDecoder.decode(parameter.substring("cursor=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
