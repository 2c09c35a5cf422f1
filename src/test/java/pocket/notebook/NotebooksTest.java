package pocket.notebook;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.kernel.JupyterSupport;
import pocket.testing.Services;

/** The notebooks executed headless by Debian's Jupyter (nbconvert --execute) on the pocket kernel of this build. */
class NotebooksTest {
    static Path home = Path.of(System.getProperty("pocket.home", ".")).toAbsolutePath();
    @TempDir static Path tmp;
    static Path jupyterPath;

    @BeforeAll
    static void kernelSpec() throws Exception {
        Services.require(JupyterSupport.pythonHas("nbconvert", "nbclient", "jupyter_client"),
                "nbconvert for /usr/bin/python3 (apt: jupyter-nbconvert)");
        jupyterPath = JupyterSupport.jupyterPath(tmp, "pocket");
    }

    /** Executes the notebook and returns the executed document; nbconvert fails on the first cell error. */
    static JsonObject execute(String notebook) throws Exception {
        Path nb = home.resolve("notebooks").resolve(notebook);
        String out = notebook.replace(".ipynb", ".out.ipynb");
        JupyterSupport.Result r = JupyterSupport.run(List.of(JupyterSupport.PYTHON, "-m", "nbconvert", "--to", "notebook", "--execute",
                        "--ExecutePreprocessor.timeout=600", "--ExecutePreprocessor.kernel_name=pocket",
                        "--output-dir", tmp.toString(), "--output", out, nb.toString()),
                JupyterSupport.env(tmp, jupyterPath), home.resolve("notebooks"), 900);
        assertEquals(0, r.exit(), "nbconvert failed:\n" + r.output());
        return JsonParser.parseString(Files.readString(tmp.resolve(out))).getAsJsonObject();
    }

    static List<JsonObject> outputs(JsonObject nb) {
        List<JsonObject> all = new ArrayList<>();
        for (JsonElement c : nb.getAsJsonArray("cells")) {
            JsonObject cell = c.getAsJsonObject();
            if (!cell.get("cell_type").getAsString().equals("code")) continue;
            assertFalse(cell.get("execution_count").isJsonNull(), "a code cell did not run: " + cell.get("source"));
            for (JsonElement o : cell.getAsJsonArray("outputs")) all.add(o.getAsJsonObject());
        }
        return all;
    }

    static String text(JsonElement e) {
        if (e.isJsonArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonElement x : e.getAsJsonArray()) sb.append(x.getAsString());
            return sb.toString();
        }
        return e.getAsString();
    }

    /** The PNG outputs, decoded, each checked to be a real, non-blank plot. */
    static List<BufferedImage> images(List<JsonObject> outs) throws Exception {
        List<BufferedImage> imgs = new ArrayList<>();
        for (JsonObject o : outs) {
            assertNotEquals("error", o.get("output_type").getAsString(), o.toString());
            if (!o.has("data") || !o.getAsJsonObject("data").has("image/png")) continue;
            byte[] png = Base64.getDecoder().decode(text(o.getAsJsonObject("data").get("image/png")).replace("\n", ""));
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            assertTrue(img.getWidth() >= 400 && img.getHeight() >= 300, img.getWidth() + "x" + img.getHeight());
            long ink = 0;
            for (int y = 0; y < img.getHeight(); y += 2) for (int x = 0; x < img.getWidth(); x += 2)
                if ((img.getRGB(x, y) & 0xffffff) != 0xffffff) ink++;
            assertTrue(ink > img.getWidth() * img.getHeight() / 4 / 50, "a nearly blank plot: " + ink + " inked pixels");
            imgs.add(img);
        }
        return imgs;
    }

    static List<String> html(List<JsonObject> outs) {
        List<String> h = new ArrayList<>();
        for (JsonObject o : outs) if (o.has("data") && o.getAsJsonObject("data").has("text/html")) h.add(text(o.getAsJsonObject("data").get("text/html")));
        return h;
    }

    @Test
    void tutorialRunsAndShowsPlotsAndTables() throws Exception {
        List<JsonObject> outs = outputs(execute("tutorial.ipynb"));
        // result.hist(var), result.plot(var, cat), the log-y plot
        assertTrue(images(outs).size() >= 3, "plots as image/png outputs");
        List<String> html = html(outs);
        assertTrue(html.stream().anyMatch(h -> h.contains("<caption>Cutflow</caption>") && h.contains("<td>initial</td>")
                && h.contains("<td>skim</td>") && h.contains("<td>presel</td>")), "the cutflow table");
        assertTrue(html.stream().anyMatch(h -> h.contains("<caption>Sum of weights</caption>")), "the sumw table");
        assertFalse(outs.stream().anyMatch(o -> o.has("text") && text(o.get("text")).contains("SLF4J")), "library noise in a cell");
        // the progress bar was replaced in place: its final state says Done
        assertTrue(outs.stream().anyMatch(o -> o.get("output_type").getAsString().equals("display_data")
                && text(o.getAsJsonObject("data").get("text/plain")).startsWith("Done:")), "the progress bar");
    }

    @Test
    void executorsNotebookRunsTheCustomExecutor() throws Exception {
        List<JsonObject> outs = outputs(execute("executors.ipynb"));
        assertTrue(images(outs).size() >= 1);
        String streams = outs.stream().filter(o -> o.get("output_type").getAsString().equals("stream"))
                .map(o -> text(o.get("text"))).reduce("", String::concat);
        assertTrue(streams.contains("chunksize=20000 retries=2 scaleout=2 limit-files=1"), streams);
        assertTrue(streams.contains("verbose executor: set up") && streams.contains("verbose executor: closed"), streams);
    }
}
