package io.drsuite.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.URLDecoder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Swagger UI's sign-in as its browser goes through it, without a browser: the authorization request with a PKCE
 * challenge, the identity provider's login form posted with a demo user's password, the redirect back to Swagger UI
 * with a code, and the code traded for a token with the verifier, from Swagger UI's origin. It drives the flow the
 * OpenAPI document names against the tests' Keycloak, so a test proves that the document and the realm's
 * {@value #CLIENT_ID} client fit together.
 */
public final class AuthorizationCodeFlow {

    /** Swagger UI's client in the drsuite realm. */
    public static final String CLIENT_ID = "drsuite-swagger";
    /** Where Swagger UI of relationship-service serves its redirect page under {@code ./drsuite run}. */
    public static final String SWAGGER_UI_ORIGIN = "http://127.0.0.1:8081";
    /** One of the client's registered redirect URIs. */
    public static final String REDIRECT_URI = SWAGGER_UI_ORIGIN + "/q/swagger-ui/oauth2-redirect.html";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String authorizationUrl;
    private final String tokenUrl;
    private final String verifier = randomUrlSafe(48);
    private final String state = randomUrlSafe(12);

    public AuthorizationCodeFlow(String authorizationUrl, String tokenUrl) {
        this.authorizationUrl = authorizationUrl;
        this.tokenUrl = tokenUrl;
    }

    /** The authorization request Swagger UI sends the browser to, with PKCE (S256): the provider's answer. */
    public Response authorize(String redirectUri) {
        return authorizationRequest(redirectUri).queryParam("code_challenge", challenge())
                .queryParam("code_challenge_method", "S256").when().get(authorizationUrl);
    }

    /** The same request without PKCE, which a public client must not get a code for. */
    public Response authorizeWithoutPkce(String redirectUri) {
        return authorizationRequest(redirectUri).when().get(authorizationUrl);
    }

    /**
     * Signs in as a demo user on the login page {@link #authorize} was answered with, and follows the redirect back to
     * {@link #REDIRECT_URI}: the code it carries, after checking the state Swagger UI sent.
     */
    public String signIn(Response loginPage, String user) {
        String action = KeycloakLoginForm.action(loginPage.asString()).orElseThrow(() -> new AssertionError(
                "no login form on the identity provider's page: " + loginPage.asString()));
        Response redirect = RestAssured.given().redirects().follow(false).cookies(loginPage.getCookies())
                .formParam("username", user).formParam("password", SignedIn.demoPassword(user))
                .formParam("credentialId", "")
                .when().post(action);
        String location = redirect.header("Location");
        if (redirect.statusCode() != 302 || location == null || !location.startsWith(REDIRECT_URI + "?")) {
            throw new AssertionError("signing in did not redirect to Swagger UI: HTTP " + redirect.statusCode()
                    + ", Location " + location);
        }
        Map<String, String> answer = queryOf(location);
        if (!state.equals(answer.get("state")) || answer.get("code") == null) {
            throw new AssertionError("the redirect back does not carry the state and a code: " + location);
        }
        return answer.get("code");
    }

    /** Trades the code for tokens as Swagger UI does: a cross-origin POST from its page, with the PKCE verifier. */
    public Response token(String code) {
        return RestAssured.given().redirects().follow(false).header("Origin", SWAGGER_UI_ORIGIN)
                .formParam("grant_type", "authorization_code").formParam("client_id", CLIENT_ID)
                .formParam("code", code).formParam("redirect_uri", REDIRECT_URI)
                .formParam("code_verifier", verifier)
                .when().post(tokenUrl);
    }

    private RequestSpecification authorizationRequest(String redirectUri) {
        return RestAssured.given().redirects().follow(false)
                .queryParam("client_id", CLIENT_ID).queryParam("response_type", "code")
                .queryParam("redirect_uri", redirectUri).queryParam("scope", "openid")
                .queryParam("state", state);
    }

    private String challenge() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> queryOf(String location) {
        return Arrays.stream(URI.create(location).getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> URLDecoder.decode(pair[0], UTF_8),
                        pair -> pair.length > 1 ? URLDecoder.decode(pair[1], UTF_8) : "", (first, second) -> first));
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
