package io.drsuite.platform.paging;

import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A page of a list and the sort key to continue after, if more items follow. The answer is the JSON array of the
 * items; the next page's address travels in a {@code Link} header with {@code rel="next"} (RFC 8288), so a client
 * that reads one page sees the same body as before paging.
 */
public record Page<T>(List<T> items, String nextAfter) {

    /**
     * Cuts a result read with {@code limit + 1} rows into the page and its continuation.
     *
     * @param sortKey the key the list is ordered by, of one item
     */
    public static <T> Page<T> of(List<T> readOneMore, PageRequest request, Function<T, String> sortKey) {
        if (readOneMore.size() <= request.limit()) {
            return new Page<>(List.copyOf(readOneMore), null);
        }
        List<T> items = List.copyOf(readOneMore.subList(0, request.limit()));
        return new Page<>(items, sortKey.apply(items.get(items.size() - 1)));
    }

    public <V> Page<V> map(Function<T, V> view) {
        return new Page<>(items.stream().map(view).toList(), nextAfter);
    }

    /** 200 with the items, and the link to the next page when there is one. */
    public RestResponse<List<T>> response(UriInfo uri) {
        return response(uri.getRequestUriBuilder(), items);
    }

    /**
     * 200 with a body that holds this page's items among other things (a relationship's history with its latest
     * health, say), and the link to the next page when there is one, built on {@code request}: the request's address,
     * with any parameter the next page must keep as this one had it (a time window that defaulted to "until now").
     */
    public <B> RestResponse<B> response(UriBuilder request, B body) {
        RestResponse.ResponseBuilder<B> response = RestResponse.ResponseBuilder.ok(body);
        if (nextAfter != null) {
            String next = request.replaceQueryParam("cursor", PageRequest.encode(nextAfter)).build().toString();
            response.header("Link", "<" + next + ">; rel=\"next\"");
        }
        return response.build();
    }
}
