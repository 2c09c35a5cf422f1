package pocket.notebook;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.kernel.JupyterSupport;

/** notebooks/zmumu_plots.jsh run by the JDK's jshell, as a user would: it runs the config and saves plots and tables. */
class JShellScriptTest {
    @TempDir Path tmp;

    @Test
    void scriptRunsTheConfigAndSavesPlots() throws Exception {
        Path home = Path.of(System.getProperty("pocket.home", ".")).toAbsolutePath();
        Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
        assertTrue(Files.isExecutable(jshell), "the JDK's jshell at " + jshell);
        Path out = tmp.resolve("zmumu-script");
        JupyterSupport.Result r = JupyterSupport.run(List.of(jshell.toString(), "--class-path", System.getProperty("java.class.path"),
                        "-R-Dpocket.out=" + out, "-R-Dpocket.executor=iterative", "notebooks/zmumu_plots.jsh"),
                Map.of(), home, 600);
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("plots and tables saved in " + out.resolve("plots")), r.output());
        Path plots = out.resolve("plots");
        List<Path> pngs;
        try (Stream<Path> s = Files.list(plots)) { pngs = s.filter(p -> p.toString().endsWith(".png")).toList(); }
        assertFalse(pngs.isEmpty());
        for (Path p : pngs) {
            BufferedImage img = ImageIO.read(p.toFile());
            assertEquals(800, img.getWidth(), p.toString());
        }
        String cutflow = Files.readString(plots.resolve("cutflow.html"));
        assertTrue(cutflow.contains("<td>initial</td>") && cutflow.contains("<td>presel</td>"), cutflow);
        assertTrue(Files.isRegularFile(plots.resolve("cutflow.csv")));
        assertTrue(Files.isRegularFile(out.resolve("output_all.json")), "the run folder of pocket run");
    }
}
