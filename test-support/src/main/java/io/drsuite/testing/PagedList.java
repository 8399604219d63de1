package io.drsuite.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a paged list of the service under test as a client would: the first page with a limit, then each page its
 * {@code Link} header ({@code rel="next"}) points to, until a page has none. Signed in as the admin.
 */
public final class PagedList {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");
    private static final int MOST_PAGES = 1000;

    private PagedList() {
    }

    /**
     * Every page of the list, in order, each answered with 200.
     *
     * @param path the list's path, with its filters as a query if any, without the limit
     */
    public static List<Response> pages(String path, int limit, Object... pathParams) {
        List<Response> pages = new ArrayList<>();
        Response page = SignedIn.given().queryParam("limit", limit).get(path, pathParams);
        while (page != null) {
            page.then().statusCode(200);
            pages.add(page);
            assertThat(pages.size()).as("pages of " + path).isLessThan(MOST_PAGES);
            String next = next(page);
            page = next == null ? null : SignedIn.given().urlEncodingEnabled(false).get(next);
        }
        return pages;
    }

    /**
     * The items of every page of a list answered as a JSON array, in order. Each page but the last holds exactly
     * {@code limit} items (a next page is announced only when more follow), the last at most that.
     */
    public static List<Map<String, Object>> items(String path, int limit, Object... pathParams) {
        List<Response> pages = pages(path, limit, pathParams);
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            List<Map<String, Object>> page = pages.get(i).jsonPath().getList("$");
            if (i < pages.size() - 1) {
                assertThat(page).as("page %d of %s, followed by another", i + 1, path).hasSize(limit);
            } else {
                assertThat(page.size()).as("the last page of %s", path).isLessThanOrEqualTo(limit);
            }
            items.addAll(page);
        }
        return items;
    }

    /** The address of the next page, from the Link header; null on the last page. */
    public static String next(Response page) {
        String link = page.header("Link");
        Matcher next = link == null ? null : NEXT.matcher(link);
        return next != null && next.find() ? next.group(1) : null;
    }

    /** A limit above the maximum (500) and a cursor the list never handed out are 400 problems naming them. */
    public static void refusesBadLimitAndCursor(String path, Object... pathParams) {
        SignedIn.given().queryParam("limit", 501).get(path, pathParams).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("limit"));
        SignedIn.given().queryParam("limit", 0).get(path, pathParams).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("limit"));
        SignedIn.given().queryParam("cursor", "not a cursor!").get(path, pathParams).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("cursor"));
    }
}
