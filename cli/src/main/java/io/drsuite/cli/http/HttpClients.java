package io.drsuite.cli.http;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The JDK HTTP clients of a run (the services', the identity provider's), made here so that they are all shut down
 * when the run ends: a JVM exits about 300 ms later while a client's selector thread is still open, which would
 * otherwise be the largest part of every command's time.
 */
public final class HttpClients {

    private static final List<HttpClient> OPEN = new CopyOnWriteArrayList<>();

    private HttpClients() {
    }

    /** HTTP/1.1: with http:// URLs the client would otherwise ask every server to upgrade to HTTP/2 first. */
    public static HttpClient open(Duration connectTimeout) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout).build();
        OPEN.add(client);
        return client;
    }

    /** Ends every client opened so far; requests still running fail. */
    public static void shutdownAll() {
        for (HttpClient client : OPEN) {
            client.shutdownNow();
            OPEN.remove(client);
        }
    }
}
