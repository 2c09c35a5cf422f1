package pocket.notebook;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.Keys;
import pocket.kernel.JupyterSupport;
import pocket.remote.SlurmSite;
import pocket.testing.Services;

/**
 * The notebooks as a user sees them: Debian's classic Jupyter Notebook on the pocket kernel of this
 * build, driven in headless Chromium by Selenium. Every notebooks/*.ipynb is run with Kernel →
 * Restart &amp; Run All, and then must show no error, a decoded image in every plotting cell,
 * HTML tables for the cutflow and sumw, and a progress bar updated in place; Tab completion and
 * Kernel → Interrupt are tried in scratch notebooks. The repo's notebooks are never written: the
 * server serves a copy. Screenshots of each page go to target/browser-screenshots/NAME.png (the
 * build folder this test class was compiled into).
 */
class NotebookBrowserTest {
    static final Path HOME = Path.of(System.getProperty("pocket.home", ".")).toAbsolutePath();
    static final Duration KERNEL_START = Duration.ofMinutes(3);
    static final Duration RUN_ALL = Duration.ofMinutes(10);
    /** A cell whose code asks for a plot: Result.plot/hist/plotBuilder (a Hist or a Plot as last value shows as PNG). */
    static final Pattern PLOTS = Pattern.compile("\\.(plot|hist|plotBuilder)\\(");
    /** A cell that shows a cutflow or sumw table as its value. */
    static final Pattern TABLES = Pattern.compile("\\.(cutflow|sumw)\\(\\)\\s*;?\\s*$");
    /** A cell that runs an analysis, and so shows pocket's progress bar. */
    static final Pattern RUNS = Pattern.compile("\\.run\\(\\)");

    @TempDir static Path tmp;
    static Path served;
    static ClassicNotebookServer server;
    static HeadlessChromium browser;
    /** The batch site cluster.ipynb submits to (null without Slurm or sshd here): its YAML reaches the kernel as POCKET_CLUSTER_OPTIONS. */
    static SlurmSite site;
    NotebookPage page;

    @BeforeAll
    static void start() throws Exception {
        Services.require(HeadlessChromium.available(), "chromium and chromedriver in /usr/bin (apt: chromium chromium-driver)");
        Services.require(ClassicNotebookServer.available(), "Jupyter Notebook (classic) for /usr/bin/python3 (apt: jupyter-notebook)");
        served = Files.createDirectories(tmp.resolve("served"));
        // a copy, so that running (and Jupyter's autosave) never touches the repo's notebooks
        copyTree(HOME.resolve("notebooks"), served.resolve("notebooks"));
        // the dataset JSONs name their files relative to the notebooks (../../shared/data): the same from the copy
        Path shared = HOME.toAbsolutePath().normalize().getParent().resolve("shared");
        if (Files.isDirectory(shared)) Files.createSymbolicLink(tmp.resolve("shared"), shared);
        Path scratch = Files.createDirectories(served.resolve("scratch"));
        for (String n : List.of("completion", "interrupt")) Files.writeString(scratch.resolve(n + ".ipynb"), emptyNotebook());
        Path jupyterPath = JupyterSupport.jupyterPath(tmp, "pocket");
        Map<String, String> env = new HashMap<>(JupyterSupport.env(tmp, jupyterPath));
        if (SlurmSite.available()) {
            site = SlurmSite.start(tmp.resolve("site"));
            env.put("POCKET_CLUSTER_OPTIONS", site.options().toString());
        }
        server = ClassicNotebookServer.start(served, env, tmp);
        browser = HeadlessChromium.start(tmp);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) browser.close();
        } finally {
            try {
                if (server != null) server.close();
            } finally {
                if (site != null) site.close();
            }
        }
    }

    @AfterEach
    void leave() throws Exception {
        if (page != null) page.leave();
        server.shutdownKernels();
    }

    /** Every notebook in notebooks/, found by listing, so that a new one is covered without touching this test. */
    static Stream<String> notebooks() throws IOException {
        try (Stream<Path> s = Files.list(HOME.resolve("notebooks"))) {
            List<String> names = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ipynb")).sorted().toList();
            assertFalse(names.isEmpty(), "no notebooks in " + HOME.resolve("notebooks"));
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notebooks")
    void restartAndRunAllShowsPlotsTablesAndProgress(String notebook) throws Exception {
        if (notebook.equals(CLUSTER)) requireSite();
        page = NotebookPage.open(browser, server.notebookUrl("notebooks/" + notebook), KERNEL_START);
        ProgressWatch progress = new ProgressWatch(browser);
        page.restartAndRunAll();
        try {
            page.awaitAllCellsRun(RUN_ALL);
        } finally {
            browser.fullPageScreenshot(screenshot(notebook));
        }
        assertEquals(List.of(), page.errors(), notebook + ": error output on the page");
        List<Map<String, String>> cells = page.cells();
        for (int i = 0; i < cells.size(); i++) {
            if (!cells.get(i).get("type").equals("code")) continue;
            String src = cells.get(i).get("source");
            if (PLOTS.matcher(src).find()) assertPlotShown(notebook, i, src);
            if (TABLES.matcher(src).find()) assertTableShown(notebook, i, src);
        }
        assertProgressInPlace(notebook, cells, progress.tracks());
    }

    private void assertPlotShown(String notebook, int cell, String src) {
        String where = notebook + " cell " + cell + " (" + firstLine(src) + ")";
        // the browser decodes images after inserting them: wait for that, then say what it made of them
        try {
            page.waitFor(Duration.ofSeconds(30), "a decoded image in " + where,
                    () -> page.images(cell).stream().anyMatch(NotebookPage.Image::showsAPlot));
        } catch (AssertionError e) {
            fail(where + ": no plot rendered; the browser decoded these images (complete, naturalWidth x naturalHeight, inked pixels by quarter): "
                    + page.images(cell) + "; outputs: " + abbreviate(page.outputText(cell)));
        }
        for (NotebookPage.Image im : page.images(cell))
            assertTrue(im.showsAPlot(), where + ": an image the browser could not show as a plot: " + im);
    }

    private void assertTableShown(String notebook, int cell, String src) {
        List<Map<String, Object>> tables = page.tables(cell);
        assertFalse(tables.isEmpty(), notebook + " cell " + cell + " (" + firstLine(src) + "): no HTML table; outputs: " + abbreviate(page.outputText(cell)));
        for (Map<String, Object> t : tables)
            assertTrue(((Number) t.get("rows")).intValue() >= 2, notebook + " cell " + cell + ": a table without rows: " + t);
    }

    /**
     * Each running cell showed one progress bar, kept in one slot of the same output container
     * (Jupyter replaces that slot's element on update_display_data: in place, nothing appended),
     * ending in "Done:"; and at least one bar of the notebook changed there at least twice.
     */
    private static void assertProgressInPlace(String notebook, List<Map<String, String>> cells, List<ProgressWatch.Track> tracks) {
        List<Integer> runCells = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++)
            if (cells.get(i).get("type").equals("code") && RUNS.matcher(cells.get(i).get("source")).find()) runCells.add(i);
        if (runCells.isEmpty()) return;
        for (int cell : runCells) {
            ProgressWatch.Track t = tracks.stream().filter(x -> x.cell() == cell).findFirst()
                    .orElseThrow(() -> new AssertionError(notebook + " cell " + cell + ": runs an analysis but never showed a progress bar; seen: " + tracks));
            String where = notebook + " cell " + cell + " progress " + t.states();
            assertEquals(1, t.mostAtOnce(), where + ": progress outputs were appended instead of updated in place");
            assertEquals(1, t.slots().size(), where + ": the progress bar moved between output slots " + t.slots());
            assertTrue(t.sameContainer(), where + ": the cell's output container was replaced");
            assertTrue(t.states().get(t.states().size() - 1).startsWith("Done:"), where + ": the bar does not end in Done:");
        }
        assertTrue(tracks.stream().anyMatch(t -> t.states().size() >= 3),
                notebook + ": no progress bar changed in place more than once: " + tracks);
    }

    static final String CLUSTER = "cluster.ipynb";

    private static void requireSite() {
        Services.require(site != null, "Slurm, munge and an OpenSSH server for " + CLUSTER + " (apt: slurm-wlm munge openssh-server)");
    }

    /**
     * cluster.ipynb as its section 4 tells: the kernel restarted while the batch jobs run, then
     * the run found again with lastBatchRun() and attached to; the merged plot shows, and the
     * attach line names the run the first cell started.
     */
    @Test
    void clusterNotebookAttachesToItsRunAfterAKernelRestart() throws Exception {
        requireSite();
        page = NotebookPage.open(browser, server.notebookUrl("notebooks/" + CLUSTER), KERNEL_START);
        List<Map<String, String>> cells = page.cells();
        int run = indexOf(cells, "cluster.run()"), attach = indexOf(cells, "lastBatchRun()");
        page.executeCells(0, run + 1);
        // restart once the jobs are submitted and before the run has collected them all
        page.waitFor(Duration.ofMinutes(5), "the batch jobs to be submitted (cell " + run + ")",
                () -> page.outputText(run).contains("as slurm job") || !page.errors().isEmpty());
        assertEquals(List.of(), page.errors(), "before the restart");
        String atRestart = page.outputText(run).trim();
        Matcher id = Pattern.compile("batch run (\\S+) \\(dask@T3_CH_PSI\\): (\\d+) chunks").matcher(atRestart);
        assertTrue(id.find(), "the progress line names the batch run: " + atRestart);
        // the bar counts each chunk once, however many layers announce them
        assertTrue(atRestart.matches("(?s)Running: \\d+/" + id.group(2) + " chunks, .*"), "the bar's chunk count: " + atRestart);
        page.restartKernel(KERNEL_START);
        page.executeCells(attach, cells.size());
        int last = cells.size() - 1;
        while (!cells.get(last).get("type").equals("code")) last--;
        int lastCode = last;
        try {
            // the cells between the run and section 4 are not run again: wait for the last one (or an error)
            page.waitFor(RUN_ALL, "cells " + attach + ".." + lastCode + " to run",
                    () -> page.kernelIdle() && (page.prompt(lastCode).matches("In\\[\\d+\\]:") || !page.errors().isEmpty()));
        } finally {
            browser.fullPageScreenshot(screenshot("cluster-attach"));
        }
        assertEquals(List.of(), page.errors(), CLUSTER + " after the restart: error output on the page");
        assertTrue(atRestart.startsWith("Running:"), "the kernel restarted while the run was going: " + atRestart);
        String attached = page.outputText(attach).trim();
        assertTrue(attached.contains("attaching to batch run " + id.group(1) + " ("), "attach found the run the kernel had started: " + abbreviate(attached));
        assertTrue(attached.contains("Done:"), abbreviate(attached));
        for (int i = attach + 1; i < cells.size(); i++)
            if (cells.get(i).get("type").equals("code") && PLOTS.matcher(cells.get(i).get("source")).find()) assertPlotShown(CLUSTER, i, cells.get(i).get("source"));
        System.out.println(CLUSTER + ": restarted at \"" + abbreviate(atRestart) + "\"; attach showed \"" + abbreviate(attached) + "\"");
    }

    private static int indexOf(List<Map<String, String>> cells, String code) {
        for (int i = 0; i < cells.size(); i++)
            if (cells.get(i).get("type").equals("code") && cells.get(i).get("source").contains(code)) return i;
        throw new AssertionError("no code cell with " + code + " in " + CLUSTER);
    }

    @Test
    void tabCompletesPocketConfig() throws Exception {
        page = NotebookPage.open(browser, server.notebookUrl("scratch/completion.ipynb"), KERNEL_START);
        page.typeInto(0, "Pocket.con", Keys.TAB);
        // one candidate is inserted at once; several open Jupyter's drop-down
        page.waitFor(Duration.ofSeconds(60), "Tab to complete Pocket.con",
                () -> page.source(0).contains("Pocket.config(") || page.completionsOffered().stream().anyMatch(c -> c.startsWith("config(")));
        browser.fullPageScreenshot(screenshot("completion"));
        assertTrue(page.source(0).contains("Pocket.config(") || page.completionsOffered().contains("config("),
                "inserted: " + page.source(0) + ", offered: " + page.completionsOffered());
    }

    @Test
    void interruptStopsABusyLoopAndTheKernelLivesOn() throws Exception {
        page = NotebookPage.open(browser, server.notebookUrl("scratch/interrupt.ipynb"), KERNEL_START);
        String loop = "System.out.println(\"looping\"); while (true) {}";
        page.typeInto(0, loop);
        assertEquals(loop, page.source(0), "what the editor made of the typed keys");
        page.shiftEnter();
        // the printed line proves the loop is entered, so the interrupt meets a running cell
        page.waitFor(Duration.ofSeconds(60), "the loop to start",
                () -> page.outputText(0).contains("looping") && page.prompt(0).equals("In[*]:"));
        long t0 = System.nanoTime();
        page.interruptKernel();
        page.awaitCellRun(0, Duration.ofSeconds(15));
        double stopped = (System.nanoTime() - t0) / 1e9;
        assertTrue(stopped < 10, "the loop took " + stopped + " s to stop");
        int count = Integer.parseInt(page.prompt(0).replaceAll("\\D", ""));

        page.typeInto(1, "1 + 1");
        page.shiftEnter();
        page.awaitCellRun(1, Duration.ofSeconds(60));
        browser.fullPageScreenshot(screenshot("interrupt"));
        assertEquals("In[" + (count + 1) + "]:", page.prompt(1), "the same kernel session went on (no restart)");
        assertEquals("2", page.resultText(1), "1 + 1 after the interrupt; outputs: " + page.outputText(1));
        System.out.printf("interrupt: the busy loop stopped %.1f s after Kernel -> Interrupt; it shows: %s%n", stopped, abbreviate(page.outputText(0)));
    }

    static Path screenshot(String name) throws Exception {
        // target/test-classes -> target: whatever -DbuildDir says
        Path build = Path.of(NotebookBrowserTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        return build.resolve("browser-screenshots").resolve(name.replace(".ipynb", "") + ".png");
    }

    private static String emptyNotebook() {
        return """
                {"cells": [{"cell_type": "code", "execution_count": null, "id": "c0", "metadata": {}, "outputs": [], "source": []}],
                 "metadata": {"kernelspec": {"name": "pocket", "display_name": "Java (pocket)", "language": "java"}},
                 "nbformat": 4, "nbformat_minor": 5}
                """;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    private static String firstLine(String src) { return src.lines().findFirst().orElse(""); }

    private static String abbreviate(String s) { return s.length() > 600 ? s.substring(0, 600) + "..." : s; }
}
