package io.drsuite.testing;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;

/**
 * The web console's sign-in as a browser goes through it, without a browser: the console redirects to the identity
 * provider (with PKCE and a state cookie of its own), a demo user signs in on the provider's form, the provider
 * redirects back with a code, and the console trades it and sets its session cookies. Cookies are carried by hand
 * because Keycloak marks its own Secure, which a client would not send back over plain HTTP on loopback.
 */
public final class ConsoleSignIn {

    private ConsoleSignIn() {
    }

    /** @return the console's session cookies of {@code user}, for further requests */
    public static Map<String, String> as(String consoleUrl, String user) {
        Response toProvider = given().redirects().follow(false).when().get(consoleUrl + "/");
        expectRedirect(toProvider, "the console did not send an anonymous visitor to sign in");
        Map<String, String> consoleCookies = new HashMap<>(toProvider.getCookies());
        Response loginPage = given().urlEncodingEnabled(false).redirects().follow(false)
                .when().get(toProvider.header("Location"));
        String action = KeycloakLoginForm.action(loginPage.asString()).orElseThrow(() -> new AssertionError(
                "no login form on the identity provider's page: HTTP " + loginPage.statusCode()));
        Response backToConsole = given().redirects().follow(false).cookies(loginPage.getCookies())
                .formParam("username", user).formParam("password", SignedIn.demoPassword(user))
                .formParam("credentialId", "")
                .when().post(action);
        expectRedirect(backToConsole, "signing in did not send the browser back to the console");
        Response signedIn = given().urlEncodingEnabled(false).redirects().follow(false).cookies(consoleCookies)
                .when().get(backToConsole.header("Location"));
        expectRedirect(signedIn, "the console did not accept the code");
        signedIn.getCookies().forEach((name, value) -> {
            if (value == null || value.isEmpty()) {
                consoleCookies.remove(name);
            } else {
                consoleCookies.put(name, value);
            }
        });
        return consoleCookies;
    }

    private static void expectRedirect(Response response, String otherwise) {
        if (response.statusCode() != 302 && response.statusCode() != 303) {
            throw new AssertionError(otherwise + ": HTTP " + response.statusCode() + " " + response.asString());
        }
    }
}
