package dev.nudge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}), driven by Selenium. Both paths
 * are given explicitly, so Selenium Manager is never asked to find or download a browser or driver. One per test
 * class: starting Chromium costs about a second.
 *
 * <p>{@link #assertAccessible(String)} injects axe-core (from {@code src/test/node/node_modules}, installed by
 * {@code scripts/test}) into the current page and fails on any serious or critical violation.
 */
public final class Browser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path NODE_TOOLS = Path.of("src/test/node");
    private static final Path AXE = NODE_TOOLS.resolve("node_modules/axe-core/axe.min.js");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN_AXE = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations']})
              .then(results => done(JSON.stringify(results.violations.map(v => ({
                  id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                  nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))})))))
              .catch(error => done('axe failed: ' + error));
            """;

    private final Path profile;
    private final Path downloads;
    private final ChromeDriver driver;
    private final String axeSource;

    private Browser(Path profile, Path downloads, ChromeDriver driver, String axeSource) {
        this.profile = profile;
        this.downloads = downloads;
        this.driver = driver;
        this.axeSource = axeSource;
    }

    public static Browser start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new AssertionError("Browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                    + CHROMEDRIVER + "); scripts/test installs them.");
        }
        try {
            String axe = axeSource();
            Path profile = Files.createTempDirectory("nudge-chromium-profile");
            Path downloads = Files.createTempDirectory("nudge-chromium-downloads");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profile);
            Map<String, Object> prefs = new HashMap<>();
            prefs.put("download.default_directory", downloads.toString());
            prefs.put("download.prompt_for_download", false);
            options.setExperimentalOption("prefs", prefs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new Browser(profile, downloads, driver, axe);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The folder Chromium saves downloads in. */
    public Path downloads() {
        return downloads;
    }

    /** The value of a cookie the current page's site set, or null. */
    public String cookie(String name) {
        var cookie = driver.manage().getCookieNamed(name);
        return cookie == null ? null : cookie.getValue();
    }

    /** Runs axe-core on the current page; fails listing every serious or critical violation, readably. */
    public void assertAccessible(String page) {
        driver.executeScript(axeSource);
        Object result = driver.executeAsyncScript(RUN_AXE);
        if (!(result instanceof String json) || json.startsWith("axe failed")) {
            throw new AssertionError("axe-core did not run on " + page + ": " + result);
        }
        List<String> problems = new ArrayList<>();
        try {
            for (JsonNode violation : JSON.readTree(json)) {
                String impact = violation.path("impact").asText();
                if (!impact.equals("serious") && !impact.equals("critical")) {
                    continue;
                }
                StringBuilder text = new StringBuilder("[" + impact + "] " + violation.path("id").asText() + ": "
                        + violation.path("help").asText() + " (" + violation.path("helpUrl").asText() + ")");
                for (JsonNode node : violation.path("nodes")) {
                    text.append("\n    at ").append(node.path("target").asText()).append("\n      ")
                            .append(node.path("summary").asText().replace("\n", "\n      "));
                }
                problems.add(text.toString());
            }
        } catch (IOException e) {
            throw new AssertionError("axe-core's answer is not JSON: " + json, e);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("axe-core found " + problems.size() + " serious or critical accessibility"
                    + " problem(s) on " + page + " (" + driver.getCurrentUrl() + "):\n" + String.join("\n", problems));
        }
    }

    private static String axeSource() throws IOException {
        if (!Files.isRegularFile(AXE)) {
            // scripts/test installs these first; a bare `mvn verify` on a fresh clone installs them here.
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                    .directory(NODE_TOOLS.toFile()).redirectErrorStream(true).start();
            String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            try {
                if (!npm.waitFor(180, TimeUnit.SECONDS) || npm.exitValue() != 0) {
                    throw new AssertionError("npm ci in src/test/node failed:\n" + output);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return Files.readString(AXE);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profile);
            delete(downloads);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temp folder left behind is harmless.
        }
    }
}
