package io.drsuite.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium ({@value #EXECUTABLE}), headless, driven through Playwright, for tests of what a browser shows.
 * Playwright never downloads a browser of its own: the test command installs Debian's package
 * ({@code drsuite_chromium_bin} in deploy/local/lib.sh). Starting it takes seconds, so one instance serves every test
 * class of a test JVM ({@link #shared()}) and is closed when the JVM exits; each test opens pages in fresh contexts of
 * their own (no cookies or storage from another test) and closes them with {@code page.context().close()}. Playwright
 * is not thread-safe: use it from one test thread at a time.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final String EXECUTABLE = "/usr/bin/chromium";

    /** How long Playwright's assertions wait for a page to show what they expect (5 s by default). */
    private static final Duration ASSERTION_TIMEOUT = Duration.ofSeconds(15);
    private static final List<String> ARGUMENTS = List.of(
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync",
            // Chromium would otherwise hold pages that reach 127.0.0.1 behind a local-network-access prompt.
            "--disable-features=LocalNetworkAccessChecks");

    private static HeadlessChromium shared;

    private final Playwright playwright;
    private final Browser browser;
    private final Duration startTime;

    private HeadlessChromium() {
        if (!Files.isExecutable(Path.of(EXECUTABLE))) {
            throw new IllegalStateException("Chromium is missing (" + EXECUTABLE + "): ./drsuite test installs"
                    + " Debian's chromium package (drsuite_chromium_bin in deploy/local/lib.sh, as root), or run"
                    + " apt-get install --no-install-recommends chromium");
        }
        // Pages of services on a busy test machine, and the sign-ins through Keycloak, may take more than 5 s.
        PlaywrightAssertions.setDefaultAssertionTimeout(ASSERTION_TIMEOUT.toMillis());
        long started = System.nanoTime();
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Path.of(EXECUTABLE)).setHeadless(true).setArgs(ARGUMENTS));
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
        startTime = Duration.ofNanos(System.nanoTime() - started);
        // In the test output, as the time this adds to a test run.
        System.out.printf("headless Chromium %s started in %d ms%n", browser.version(), startTime.toMillis());
    }

    /** The test JVM's one instance, started on first use and closed when the JVM exits. */
    public static synchronized HeadlessChromium shared() {
        if (shared == null) {
            shared = new HeadlessChromium();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "close-headless-chromium"));
        }
        return shared;
    }

    /** A page at a desktop size, in a fresh context. */
    public Page desktopPage() {
        return browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 800).setIgnoreHTTPSErrors(false)).newPage();
    }

    /** A page at a phone's size, with touch, in a fresh context. */
    public Page phonePage() {
        return browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844).setIsMobile(true).setHasTouch(true).setIgnoreHTTPSErrors(false))
                .newPage();
    }

    /** Saves what the page shows, whole, as {@code target/screenshots/<name>.png} of the module under test. */
    public static Path screenshot(Page page, String name) {
        Path file = Path.of(System.getProperty("basedir", "")).toAbsolutePath()
                .resolve("target/screenshots").resolve(name + ".png");
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /** How long Playwright and Chromium took to start. */
    public Duration startTime() {
        return startTime;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
