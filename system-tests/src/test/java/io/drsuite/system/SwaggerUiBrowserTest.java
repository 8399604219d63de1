package io.drsuite.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import io.drsuite.testing.AuthorizationCodeFlow;
import io.drsuite.testing.HeadlessChromium;
import io.drsuite.testing.LocalInfrastructure;
import io.drsuite.testing.SignedIn;
import io.restassured.RestAssured;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * relationship-service's Swagger UI in a real browser (headless Chromium): the page renders the service's OpenAPI
 * document, signs in through its Authorize dialog with the authorization code flow against the tests' Keycloak, and
 * calls the API with the token it got. Keycloak's Swagger UI client takes redirects back to the ports
 * {@code ./drsuite run} uses only, so the browser is told that the service lives at
 * {@value AuthorizationCodeFlow#SWAGGER_UI_ORIGIN}: its requests there are sent on to the service's own port.
 */
class SwaggerUiBrowserTest {

    private static final String SWAGGER_UI = AuthorizationCodeFlow.SWAGGER_UI_ORIGIN + "/q/swagger-ui/";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final ServiceProcess service = Suite.get().relationships;
    private Page page;
    private volatile String redirectBack;

    @BeforeEach
    void openSwaggerUi() {
        page = HeadlessChromium.shared().desktopPage();
        page.context().route(AuthorizationCodeFlow.SWAGGER_UI_ORIGIN + "/**", this::toTheService);
        page.context().route(LocalInfrastructure.oidcIssuer() + "/login-actions/authenticate**",
                this::holdTheRedirectBack);
        page.navigate(SWAGGER_UI);
    }

    @AfterEach
    void closeBrowser() {
        page.context().close();
    }

    /** The page shows the service's title and one operation for each the served document has. */
    @Test
    void showsTheServicesOperations() {
        assertThat(page.locator(".info .title")).containsText("DR Suite relationship-service");
        assertThat(operation("get", "/api/v1/clusters")).isVisible();
        assertThat(page.locator(".opblock")).hasCount(operationsInTheDocument());
    }

    /** Authorize signs in on Keycloak's page as a demo user; Try it out then calls the API with that token. */
    @Test
    void signsInAndCallsTheApi() {
        page.locator(".auth-wrapper button.authorize").click();
        Locator browserSignIn = page.locator(".auth-container").filter(
                new Locator.FilterOptions().setHasText("drsuite-browser-sign-in"));
        Page keycloak = page.waitForPopup(() -> browserSignIn.locator("button:text-is('Authorize')").click());
        keycloak.locator("#username").fill(SignedIn.VIEWER);
        keycloak.locator("#password").fill(SignedIn.demoPassword(SignedIn.VIEWER));
        keycloak.locator("#kc-login").click();
        keycloak.waitForCondition(() -> redirectBack != null);
        keycloak.evaluate("url => location.replace(url)", redirectBack);
        assertThat(browserSignIn.locator("button:text-is('Logout')")).isVisible();
        page.locator("button.close-modal").click();

        Locator verification = operation("get", "/api/v1/audit/verification");
        verification.locator(".opblock-summary-control").click();
        verification.locator("button.try-out__btn").click();
        verification.locator("button.execute").click();
        Locator response = verification.locator(".live-responses-table .response");
        assertThat(response.locator(".response-col_status")).hasText("200");
        assertThat(response.locator(".response-col_description pre").first()).containsText("\"intact\": true");
        assertThat(verification.locator(".curl-command")).containsText("Authorization: Bearer ");
        HeadlessChromium.screenshot(page, "swagger-ui-signed-in");
    }

    private Locator operation(String method, String path) {
        return page.locator(".opblock-" + method).filter(new Locator.FilterOptions()
                .setHas(page.locator(".opblock-summary-path[data-path='" + path + "']")));
    }

    private int operationsInTheDocument() {
        Map<String, Map<String, Object>> paths = RestAssured.given().when()
                .get(service.baseUrl() + "/q/openapi?format=json").then().statusCode(200).extract().jsonPath()
                .getMap("paths");
        return (int) paths.values().stream().flatMap(item -> item.keySet().stream()).filter(METHODS::contains)
                .count();
    }

    /**
     * Chromium follows a redirect without asking the routes again, so Keycloak's redirect back to Swagger UI would
     * reach the real port 8081. Its login answer is taken here instead: a redirect back is kept for the test, which
     * sends the sign-in window there itself (a new navigation, which the routes see); any other answer is passed on.
     */
    private void holdTheRedirectBack(Route route) {
        APIResponse answer = route.fetch(new Route.FetchOptions().setMaxRedirects(0));
        String location = answer.headers().get("location");
        if (answer.status() == 302 && location != null
                && location.startsWith(AuthorizationCodeFlow.SWAGGER_UI_ORIGIN + "/")) {
            redirectBack = location;
            route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("text/html").setBody(""));
        } else {
            route.fulfill(new Route.FulfillOptions().setResponse(answer));
        }
    }

    private void toTheService(Route route) {
        route.resume(new Route.ResumeOptions().setUrl(
                service.baseUrl() + route.request().url().substring(AuthorizationCodeFlow.SWAGGER_UI_ORIGIN.length())));
    }
}
