package pocket.notebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's chromium, headless, driven through Debian's chromedriver, allowed to reach 127.0.0.1 only. */
final class HeadlessChromium implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver driver;

    private HeadlessChromium(ChromeDriver driver) { this.driver = driver; }

    static boolean available() { return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER); }

    /** Starts a browser with a fresh profile in {@code tmp}; chromedriver's log goes there too. */
    static HeadlessChromium start(Path tmp) throws IOException {
        Path profile = Files.createDirectories(tmp.resolve("chromium-profile"));
        ChromeOptions o = new ChromeOptions();
        // both paths given: Selenium then never runs Selenium Manager, which would try to download a driver
        o.setBinary(CHROMIUM.toFile());
        o.addArguments(List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                // without these Chromium keeps calling Google's hosts, which this closed network refuses
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,1024", "--lang=en-US",
                // nothing but loopback: names resolve to nothing, and any address that is not local goes to a closed proxy port
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=127.0.0.1"));
        // the notebook page asks "leave the page?" when it has unsaved changes; a test leaves anyway
        o.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.ACCEPT);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(tmp.resolve("chromedriver.log").toFile())
                .build();
        ChromeDriver d = new ChromeDriver(service, o);
        d.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120)).scriptTimeout(Duration.ofSeconds(60));
        return new HeadlessChromium(d);
    }

    Object js(String script, Object... args) { return ((JavascriptExecutor) driver).executeScript(script, args); }

    /**
     * A PNG of the whole page, not just the window: the classic notebook scrolls inside div#site, so
     * that div is let grow to its content first, and Chrome's DevTools capture the page beyond the viewport.
     */
    void fullPageScreenshot(Path png) throws IOException {
        js("var s = document.getElementById('site'); if (s) { s.dataset.h = s.style.height; s.style.height = 'auto'; s.style.overflow = 'visible'; }"
                + "document.body.style.overflow = 'visible';");
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> size = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of()).get("cssContentSize");
            double w = ((Number) size.get("width")).doubleValue(), h = ((Number) size.get("height")).doubleValue();
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", w, "height", Math.min(h, 16000), "scale", 1)));
            Files.createDirectories(png.getParent());
            Files.write(png, Base64.getDecoder().decode((String) shot.get("data")));
        } finally {
            // back to the notebook's own layout, so that later steps see the page a user sees
            js("var s = document.getElementById('site'); if (s) { s.style.height = s.dataset.h; s.style.overflow = ''; }"
                    + "document.body.style.overflow = ''; window.dispatchEvent(new Event('resize'));");
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
