package pocket.kernel;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.testing.Services;

/** The kernel over the real Jupyter protocol: Debian's jupyter_client starts it from a kernel spec and talks ZeroMQ to it. */
class PocketKernelProtocolTest {
    static JsonObject answers;

    @BeforeAll
    static void driveKernel(@TempDir Path tmp) throws Exception {
        Services.require(JupyterSupport.pythonHas("jupyter_client"), "jupyter_client for /usr/bin/python3 (apt: python3-jupyter-client, pulled in by jupyter-nbconvert)");
        Path script = tmp.resolve("drive_kernel.py");
        try (var in = PocketKernelProtocolTest.class.getResourceAsStream("drive_kernel.py")) {
            Files.copy(in, script);
        }
        Path jp = JupyterSupport.jupyterPath(tmp, "pocket-test");
        JupyterSupport.Result r = JupyterSupport.run(List.of(JupyterSupport.PYTHON, script.toString(), "pocket-test"),
                JupyterSupport.env(tmp, jp), tmp, 300);
        String line = r.output().lines().filter(l -> l.startsWith("RESULT-JSON ")).findFirst()
                .orElseThrow(() -> new AssertionError("the driver printed no result (exit " + r.exit() + "):\n" + r.output()));
        answers = JsonParser.parseString(line.substring("RESULT-JSON ".length())).getAsJsonObject();
    }

    private static List<JsonObject> iopub(String step, String type) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement e : answers.getAsJsonObject(step).getAsJsonArray("iopub")) {
            JsonObject o = e.getAsJsonObject();
            if (o.get("msg_type").getAsString().equals(type)) out.add(o);
        }
        return out;
    }

    private static String streamText(String step, String name) {
        StringBuilder sb = new StringBuilder();
        for (JsonObject o : iopub(step, "stream")) if (o.get("name").getAsString().equals(name)) sb.append(o.get("text").getAsString());
        return sb.toString();
    }

    @Test
    void announcesJava() {
        assertEquals("java", answers.getAsJsonObject("info").get("name").getAsString());
    }

    @Test
    void executesAndStreamsOutput() {
        JsonObject ex = answers.getAsJsonObject("execute");
        assertEquals("ok", ex.get("status").getAsString());
        assertEquals("hello 20\n", streamText("execute", "stdout"));
        assertEquals("warn 20\n", streamText("execute", "stderr"));
        List<JsonObject> results = iopub("execute", "execute_result");
        assertEquals(1, results.size());
        assertEquals("42", results.get(0).getAsJsonObject("data").get("text/plain").getAsString());
        // x lives on in the next cell
        assertEquals("21", iopub("live", "execute_result").get(0).getAsJsonObject("data").get("text/plain").getAsString());
    }

    @Test
    void runtimeErrorNamesTheCellLine() {
        JsonObject reply = answers.getAsJsonObject("runtime_error").getAsJsonObject("reply");
        assertEquals("error", reply.get("status").getAsString());
        String evalue = reply.get("evalue").getAsString();
        assertTrue(evalue.contains("cell line 4"), evalue);
        assertTrue(evalue.contains("NullPointerException"), evalue);
        List<JsonObject> errors = iopub("runtime_error", "error");
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).get("traceback").toString().contains("int n = s.length();"));
    }

    @Test
    void compileErrorNamesTheCellLine() {
        JsonObject reply = answers.getAsJsonObject("compile_error").getAsJsonObject("reply");
        assertEquals("error", reply.get("status").getAsString());
        assertTrue(reply.get("evalue").getAsString().startsWith("cell line 2: cannot find symbol"), reply.get("evalue").getAsString());
    }

    @Test
    void displaysImagesAndUpdatesInPlace() {
        List<JsonObject> shown = iopub("display", "display_data");
        assertEquals(2, shown.size(), shown.toString());
        String png = shown.get(0).getAsJsonObject("data").get("image/png").getAsString();
        assertTrue(png.startsWith("PNG:") && Integer.parseInt(png.substring(4)) > 50, png);
        String id = shown.get(1).get("display_id").getAsString();
        assertEquals("step 1", shown.get(1).getAsJsonObject("data").get("text/plain").getAsString());
        List<JsonObject> updates = iopub("display", "update_display_data");
        assertEquals(1, updates.size());
        assertEquals(id, updates.get(0).get("display_id").getAsString());
        assertEquals("step 2", updates.get(0).getAsJsonObject("data").get("text/plain").getAsString());
    }

    @Test
    void completesAndInspects() {
        JsonObject c = answers.getAsJsonObject("complete");
        JsonArray matches = c.getAsJsonArray("matches");
        assertTrue(matches.toString().contains("toUpperCase"), matches.toString());
        String cell = "int n = 1;\ngreeting.toUpp";
        assertEquals(cell.indexOf("toUpp"), c.get("cursor_start").getAsInt());
        JsonObject ins = answers.getAsJsonObject("inspect");
        assertTrue(ins.get("found").getAsBoolean());
        assertTrue(ins.getAsJsonObject("data").get("text/plain").getAsString().contains("max("));
        assertEquals("incomplete", answers.getAsJsonObject("is_complete").get("status").getAsString());
    }

    @Test
    void interruptStopsABusyCellAndTheKernelLivesOn() {
        JsonObject in = answers.getAsJsonObject("interrupt");
        assertEquals("error", in.get("status").getAsString());
        assertTrue(in.get("evalue").getAsString().contains("interrupted"), in.toString());
        assertTrue(in.get("seconds").getAsDouble() < 20, in.toString());
        assertEquals("60", iopub("after_interrupt", "execute_result").get(0).getAsJsonObject("data").get("text/plain").getAsString());
    }

    @Test
    void stderrHoldsNoLoggingNoiseWhichGoesToTheKernelLog() {
        String stderr = answers.get("kernel_stderr").getAsString();
        for (String noise : List.of("INFO:", "Heartbeat", "Loop", "shutdown"))
            assertFalse(stderr.contains(noise), "the kernel's stderr, which Jupyter shows, holds '" + noise + "':\n" + stderr);
        assertFalse(answers.get("kernel_log").isJsonNull(), "a kernel-<id>.log beside the connection file");
        String log = answers.get("kernel_log").getAsString();
        assertTrue(log.contains("Loop"), "the libraries' records land in the kernel's log:\n" + log);
    }
}
