package pocket.notebook;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One notebook open in the classic Jupyter UI, used as a person would: the menus, the keyboard,
 * and what the page shows. Jupyter's own JS objects are only read from (cell order and source,
 * prompts), never used to run anything.
 */
final class NotebookPage {
    /**
     * One image of a cell's outputs as the browser decoded it, with the inked (drawn, non-white)
     * pixels counted per horizontal quarter and the transparent ones counted apart: a size alone
     * proves nothing, since Chromium takes it from the PNG header even when the rest of the file is
     * cut off or garbled, and shows what it could decode of a cut-off file above transparent rows.
     */
    record Image(boolean complete, long naturalWidth, long naturalHeight, List<Long> inkByQuarter, long transparent) {
        /**
         * Decoded, plot-sized, opaque (pocket's plots are RGB: a transparent pixel is one the
         * browser could not decode) and drawn from top to bottom (ink in every quarter, at least
         * 0.2 % of its sampled pixels).
         */
        boolean showsAPlot() {
            if (!complete || naturalWidth <= 300 || inkByQuarter.size() != 4 || transparent > 0) return false;
            long sampledPerQuarter = (naturalWidth / 2) * (naturalHeight / 2) / 4;
            return inkByQuarter.stream().allMatch(ink -> ink * 500 >= sampledPerQuarter);
        }
    }

    private final HeadlessChromium browser;

    private NotebookPage(HeadlessChromium browser) { this.browser = browser; }

    /** Opens the notebook and waits until its kernel has started and is idle (the first start compiles, so this is generous). */
    static NotebookPage open(HeadlessChromium browser, String url, Duration kernelStart) {
        browser.driver.get(url);
        NotebookPage page = new NotebookPage(browser);
        page.waitFor(kernelStart, "the notebook to load and its kernel to be idle", () -> Boolean.TRUE.equals(browser.js(
                "return !!(window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded && Jupyter.notebook.kernel"
                        + " && Jupyter.notebook.kernel.is_connected())"
                        + " && document.getElementById('kernel_indicator_icon').classList.contains('kernel_idle_icon');")));
        return page;
    }

    /** Kernel → Restart &amp; Run All, and the dialog's "Restart and Run All Cells" button. */
    void restartAndRunAll() {
        menu("kernellink", "restart_run_all");
        WebElement confirm = wait(Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(
                By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space()='Restart and Run All Cells']")));
        confirm.click();
        wait(Duration.ofSeconds(20)).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
    }

    /** Runs code cells {@code from} (inclusive) to {@code to} (exclusive) as Shift-Enter on each would, without waiting. */
    void executeCells(int from, int to) {
        browser.js("Jupyter.notebook.execute_cell_range(arguments[0], arguments[1]);", from, to);
    }

    /** Kernel → Restart, confirmed, and waits until the new kernel is idle. */
    void restartKernel(Duration kernelStart) {
        menu("kernellink", "restart_kernel");
        WebElement confirm = wait(Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(
                By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space()='Restart']")));
        confirm.click();
        wait(Duration.ofSeconds(20)).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
        // the old kernel's busy icon must give way to a new, idle one
        waitFor(kernelStart, "the restarted kernel to be idle", () -> Boolean.TRUE.equals(browser.js(
                "return Jupyter.notebook.kernel.is_connected() && document.getElementById('kernel_indicator_icon').classList.contains('kernel_idle_icon');")));
    }

    /** Kernel → Interrupt. */
    void interruptKernel() { menu("kernellink", "int_kernel"); }

    private void menu(String menuId, String itemId) {
        wait(Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(By.id(menuId))).click();
        wait(Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#" + itemId + " > a"))).click();
    }

    /**
     * Waits until the kernel is idle and no prompt says {@code In [*]}: then either every code cell
     * has its number, or a cell failed (Jupyter stops a Run All at the first error, so the rest
     * never get a number: the error itself is the finding, not a timeout).
     */
    void awaitAllCellsRun(Duration timeout) {
        waitFor(timeout, "every code cell to have run and the kernel to be idle", () -> {
            List<String> prompts = prompts();
            boolean idle = kernelIdle();
            boolean running = prompts.stream().anyMatch(p -> p.contains("*"));
            boolean allNumbered = prompts.stream().allMatch(p -> p.matches("In\\[\\d+\\]:"));
            return idle && !running && (allNumbered || !errors().isEmpty());
        });
    }

    /** Waits until one cell's prompt has a number and the kernel is idle. */
    void awaitCellRun(int cell, Duration timeout) {
        waitFor(timeout, "cell " + cell + " to finish", () -> kernelIdle() && prompt(cell).matches("In\\[\\d+\\]:"));
    }

    /** The input prompts of the code cells, blanks removed ("In[3]:", "In[*]:", "In[]:"). */
    @SuppressWarnings("unchecked")
    List<String> prompts() {
        return (List<String>) browser.js("return Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code')"
                + ".map(c => c.element[0].querySelector('.input_prompt').textContent.replace(/\\s+/g, ''));");
    }

    String prompt(int cell) {
        return (String) browser.js("return Jupyter.notebook.get_cell(arguments[0]).element[0]"
                + ".querySelector('.input_prompt').textContent.replace(/\\s+/g, '');", cell);
    }

    boolean kernelIdle() {
        return Boolean.TRUE.equals(browser.js("return document.getElementById('kernel_indicator_icon').classList.contains('kernel_idle_icon');"));
    }

    /** Every cell's type and source, in page order. */
    @SuppressWarnings("unchecked")
    List<Map<String, String>> cells() {
        return (List<Map<String, String>>) browser.js(
                "return Jupyter.notebook.get_cells().map(c => ({type: c.cell_type, source: c.get_text()}));");
    }

    /**
     * What a user would read as a failure: error outputs, and stderr output naming an exception
     * (a cell may print progress notes to stderr; a stack trace there is still a failure).
     */
    @SuppressWarnings("unchecked")
    List<String> errors() {
        return (List<String>) browser.js("const errors = Array.from(document.querySelectorAll('.output_error')).map(e => e.textContent.trim());"
                + "const traces = Array.from(document.querySelectorAll('.output_stderr')).map(e => e.textContent.trim())"
                + "  .filter(t => /Exception|Error\\b|\\bat cell\\b/.test(t));"
                + "return errors.concat(traces);");
    }

    /**
     * The images in one cell's outputs, as the browser decoded them: each is drawn on a canvas in
     * the page and every second pixel of every second row read back (white is no ink; transparent is counted apart).
     */
    @SuppressWarnings("unchecked")
    List<Image> images(int cell) {
        List<Map<String, Object>> raw = (List<Map<String, Object>>) browser.js("return Array.from(Jupyter.notebook.get_cell(arguments[0])"
                + ".output_area.element[0].querySelectorAll('img')).map(i => {"
                + "  const ink = [0, 0, 0, 0]; let transparent = 0;"
                + "  if (i.complete && i.naturalWidth > 0 && i.naturalHeight > 0) {"
                + "    const c = document.createElement('canvas'); c.width = i.naturalWidth; c.height = i.naturalHeight;"
                + "    const g = c.getContext('2d'); g.drawImage(i, 0, 0);"
                + "    const d = g.getImageData(0, 0, c.width, c.height).data;"
                + "    for (let y = 0; y < c.height; y += 2) for (let x = 0; x < c.width; x += 2) {"
                + "      const k = 4 * (y * c.width + x);"
                + "      if (d[k + 3] < 255) transparent++;"
                + "      else if (d[k] < 245 || d[k + 1] < 245 || d[k + 2] < 245) ink[Math.floor(4 * y / c.height)]++;"
                + "    }"
                + "  }"
                + "  return {complete: i.complete, w: i.naturalWidth, h: i.naturalHeight, ink: ink, transparent: transparent};"
                + "});", cell);
        return raw.stream().map(m -> new Image((Boolean) m.get("complete"), ((Number) m.get("w")).longValue(), ((Number) m.get("h")).longValue(),
                ((List<Object>) m.get("ink")).stream().map(n -> ((Number) n).longValue()).toList(), ((Number) m.get("transparent")).longValue())).toList();
    }

    /** The HTML tables in one cell's outputs: caption (or "") and number of rows each. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> tables(int cell) {
        return (List<Map<String, Object>>) browser.js("return Array.from(Jupyter.notebook.get_cell(arguments[0])"
                + ".output_area.element[0].querySelectorAll('.output_html table')).map(t => ({caption: t.caption ? t.caption.textContent.trim() : '',"
                + " rows: t.querySelectorAll('tr').length}));", cell);
    }

    /** The text of one cell's outputs, as shown. */
    String outputText(int cell) {
        return (String) browser.js("return Jupyter.notebook.get_cell(arguments[0]).output_area.element[0].textContent;", cell);
    }

    /** The text of one cell's value (its Out[n] output), trimmed; "" when it has none. */
    String resultText(int cell) {
        return (String) browser.js("const r = Jupyter.notebook.get_cell(arguments[0]).output_area.element[0].querySelector('.output_result');"
                + "return r ? r.textContent.trim() : '';", cell);
    }

    String source(int cell) { return (String) browser.js("return Jupyter.notebook.get_cell(arguments[0]).get_text();", cell); }

    /** Clicks into a cell's editor (edit mode) and types there, as keystrokes. */
    void typeInto(int cell, CharSequence... keys) {
        WebElement editor = cellElement(cell).findElement(By.cssSelector(".CodeMirror"));
        editor.click();
        new Actions(browser.driver).sendKeys(keys).perform();
    }

    /** Shift-Enter in the cell being edited: runs it and moves to the next cell (a new one at the end). */
    void shiftEnter() {
        new Actions(browser.driver).keyDown(Keys.SHIFT).sendKeys(Keys.ENTER).keyUp(Keys.SHIFT).perform();
    }

    /** The texts the completer's drop-down offers now (empty when it is not open). */
    @SuppressWarnings("unchecked")
    List<String> completionsOffered() {
        return (List<String>) browser.js("return Array.from(document.querySelectorAll('#complete select option')).map(o => o.textContent);");
    }

    int cellCount() { return ((Number) browser.js("return Jupyter.notebook.ncells();")).intValue(); }

    WebElement cellElement(int cell) {
        return browser.driver.findElements(By.cssSelector("#notebook-container > .cell")).get(cell);
    }

    /** Leaves the page without the "unsaved changes" prompt, so the next test starts on a blank tab. */
    void leave() {
        browser.js("window.onbeforeunload = null;");
        browser.driver.get("about:blank");
    }

    WebDriverWait wait(Duration timeout) {
        WebDriverWait w = new WebDriverWait(browser.driver, timeout, Duration.ofMillis(250));
        w.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return w;
    }

    /** Waits for a condition read from the page; the timeout message says what was awaited and what the page showed. */
    void waitFor(Duration timeout, String what, java.util.function.BooleanSupplier condition) {
        try {
            wait(timeout).until(d -> condition.getAsBoolean());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what + "; the page shows: " + state(), e);
        }
    }

    /** A short account of the page for failure messages: prompts, kernel state, errors. */
    String state() {
        try {
            return "prompts " + prompts() + ", kernel " + browser.js("return document.getElementById('kernel_indicator_icon').className;")
                    + ", errors " + errors();
        } catch (RuntimeException e) {
            return "(page unreadable: " + e.getMessage() + ")";
        }
    }
}
