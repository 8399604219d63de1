package io.drsuite.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A device sign-in (OAuth 2.0 device authorization grant, RFC 8628) approved the way a person does it in a browser,
 * without a browser: the verification page opened with the user code, the tests' Keycloak's login form posted with a
 * demo user's password, and its consent page accepted, each with the cookies the pages before set. What drctl login
 * (or any device client) polls for is then granted. The pages are recognised by Keycloak's form ids, so a change of
 * its flow fails here with the page it stopped at.
 */
public final class DeviceFlowApproval {

    private static final Pattern USER_CODE_FORM = Pattern.compile(
            "<form id=\"kc-user-verify-device-user-code-form\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern CONSENT_FORM = Pattern.compile("<form [^>]*action=\"([^\"]*login-actions/consent[^\"]*)\"");
    private static final Pattern HIDDEN_CODE = Pattern.compile("<input type=\"hidden\" name=\"code\" value=\"([^\"]*)\"");
    private static final int MAX_PAGES = 12;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    /** Keycloak marks its cookies Secure; a browser on 127.0.0.1 sends them back all the same, so does this. */
    private final Map<String, String> cookies = new LinkedHashMap<>();

    private DeviceFlowApproval() {
    }

    /**
     * Approves the sign-in waiting for {@code userCode} as {@code user} (a demo user of the tests' realm).
     *
     * @param verificationUri the address the device client printed ({@code verification_uri})
     * @return the address the approval ended at (Keycloak's device status page)
     */
    public static URI approve(String verificationUri, String userCode, String user) {
        return new DeviceFlowApproval().run(URI.create(verificationUri), userCode, user);
    }

    private URI run(URI verificationUri, String userCode, String user) {
        Page page = get(URI.create(verificationUri + "?user_code=" + URLEncoder.encode(userCode, UTF_8)));
        for (int step = 0; step < MAX_PAGES; step++) {
            if (page.uri().getPath().endsWith("/device/status")) {
                return page.uri();
            }
            Matcher userCodeForm = USER_CODE_FORM.matcher(page.body());
            Optional<String> loginForm = KeycloakLoginForm.action(page.body());
            Matcher consentForm = CONSENT_FORM.matcher(page.body());
            if (userCodeForm.find()) {
                page = post(page.resolve(userCodeForm.group(1)), Map.of("device_user_code", userCode));
            } else if (loginForm.isPresent()) {
                page = post(page.uri().resolve(loginForm.get()), Map.of("username", user,
                        "password", SignedIn.demoPassword(user), "credentialId", ""));
            } else if (consentForm.find()) {
                Matcher code = HIDDEN_CODE.matcher(page.body());
                if (!code.find()) {
                    throw new AssertionError("the consent page has no code: " + page.body());
                }
                page = post(page.resolve(consentForm.group(1)), Map.of("code", code.group(1), "accept", "Yes"));
            } else {
                throw new AssertionError("the device sign-in stopped at " + page.uri() + " (HTTP " + page.status()
                        + "): " + page.body());
            }
        }
        throw new AssertionError("the device sign-in did not end within " + MAX_PAGES + " pages");
    }

    private Page get(URI uri) {
        return follow(HttpRequest.newBuilder(uri).GET());
    }

    private Page post(URI uri, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), UTF_8) + "=" + URLEncoder.encode(field.getValue(), UTF_8))
                .collect(Collectors.joining("&"));
        return follow(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends the request and follows redirects as a browser does (GET), keeping the cookies each answer sets. */
    private Page follow(HttpRequest.Builder request) {
        for (int redirects = 0; redirects < 10; redirects++) {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(cookie -> cookie.getKey() + "="
                        + cookie.getValue()).collect(Collectors.joining("; ")));
            }
            HttpRequest sent = request.timeout(Duration.ofSeconds(30)).build();
            HttpResponse<String> response = send(sent);
            keepCookies(response.headers().allValues("Set-Cookie"));
            String location = response.headers().firstValue("Location").orElse(null);
            if (response.statusCode() / 100 != 3 || location == null) {
                return new Page(sent.uri(), response.statusCode(), response.body());
            }
            request = HttpRequest.newBuilder(sent.uri().resolve(location)).GET();
        }
        throw new AssertionError("too many redirects");
    }

    private void keepCookies(List<String> setCookies) {
        for (String setCookie : setCookies) {
            String pair = setCookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String name = pair.substring(0, equals).trim();
            String value = pair.substring(equals + 1).trim();
            boolean expired = setCookie.toLowerCase().contains("max-age=0") || value.isEmpty();
            if (expired) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Page(URI uri, int status, String body) {

        /** A form's action as the page gives it (HTML-escaped, possibly relative). */
        URI resolve(String action) {
            return uri.resolve(action.replace("&amp;", "&"));
        }
    }
}
