package pocket.kernel;

import pocket.display.MimeBundle;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CellEvaluatorTest {
    static CellEvaluator ev;

    @BeforeAll static void start() { ev = CellEvaluator.forThisJvm(); }
    @AfterAll static void stop() { ev.close(); }

    @Test
    void objectsStayLiveAcrossCellsAndTheLastExpressionIsTheValue() throws Exception {
        ev.eval("int[] counts = new int[3];\ncounts[1] = 7;");
        CellEvaluator.Value v = ev.eval("counts[1] += 5;\ncounts");
        assertTrue(v.present());
        // the very array object, not a string: the kernel renders live objects
        assertArrayEquals(new int[]{0, 12, 0}, (int[]) v.value());
        assertFalse(ev.eval("int unused = 3;").present(), "a declaration shows nothing");
        assertEquals(42, ev.eval("6 * 7").value());
    }

    @Test
    void sharesClassesWithTheKernelJvm() throws Exception {
        // a cell's MimeBundle is the kernel's own class: the display registry can recognise cell objects
        Object o = ev.eval("pocket.display.MimeBundle.text(\"hi\")").value();
        assertInstanceOf(MimeBundle.class, o);
        assertEquals("hi", ((MimeBundle) o).plainText());
    }

    @Test
    void pocketPackagesAreImportedWithoutAmbiguity() throws Exception {
        Object h = ev.eval("Hist.builder().reg(4, 0, 4, \"x\", \"x\").weight()").value();
        assertEquals("pocket.hist.Hist", h.getClass().getName());
        // one Axis among the default imports (the histogram's is HistAxis): the config's, as configs use it
        Object a = ev.eval("Axis.of(\"events\", \"mll\", 60, 60, 120)").value();
        assertEquals("pocket.config.Axis", a.getClass().getName());
        assertInstanceOf(java.util.List.class, ev.eval("List.of(1)").value());
    }

    @Test
    void compileErrorNamesTheCellLine() {
        CellError e = assertThrows(CellError.class, () -> ev.eval("int a = 1;\n\nint b = a + undefinedThing;\n"));
        assertEquals(3, e.line());
        assertEquals("CompilationError", e.kind());
        assertTrue(e.getMessage().contains("cannot find symbol"), e.getMessage());
        assertTrue(String.join("\n", e.traceback()).contains("int b = a + undefinedThing;"));
        // the symbol, the line and a caret, as the CLI prints a config's compile error (pocket.util.SourceMessages)
        assertEquals("cell line 3: cannot find symbol: variable undefinedThing", e.getMessage());
        assertEquals(java.util.List.of("cell line 3: cannot find symbol: variable undefinedThing",
                "    int b = a + undefinedThing;", "                ^"), e.traceback());
    }

    @Test
    void runtimeErrorAfterACommentCountsLinesFromTheCode() {
        CellError e = assertThrows(CellError.class, () -> ev.eval("// a comment\n/* and a block */\nvar n = List.of(1,\n  Integer.parseInt(\"x\"));"));
        assertEquals(4, e.line(), e.traceback().toString());
    }

    @Test
    void runtimeExceptionNamesTheCellLine() {
        CellError e = assertThrows(CellError.class, () -> ev.eval(
                "int z = 0;\nint y = 2;\nSystem.out.println(\"before\");\nint q = y / z;\nint after = 1;"));
        assertEquals(4, e.line(), e.traceback().toString());
        assertEquals("ArithmeticException", e.kind());
        assertTrue(e.getMessage().contains("/ by zero"));
        // the statement after the failing one did not run
        assertThrows(CellError.class, () -> ev.eval("after"));
    }

    @Test
    void exceptionInsideAMethodDefinedInACellPointsAtTheCall() {
        CellError e = assertThrows(CellError.class, () -> ev.eval(
                "int boom(int k) {\n  if (k > 0) throw new IllegalStateException(\"bad k \" + k);\n  return k;\n}\nboom(0);\nboom(2);"));
        assertEquals("IllegalStateException", e.kind());
        // the throw is on line 2 of the cell
        assertEquals(2, e.line(), e.traceback().toString());
        assertTrue(e.traceback().stream().anyMatch(l -> l.contains("cell line 6")), e.traceback().toString());
    }

    @Test
    void completesMembersOfLiveVariables() throws Exception {
        ev.eval("String greeting = \"hello\";");
        String cell = "int n = 1;\ngreeting.toUpp";
        CellEvaluator.Completion c = ev.complete(cell, cell.length());
        assertTrue(c.matches().stream().anyMatch(m -> m.startsWith("toUpperCase")), c.matches().toString());
        assertEquals(cell.indexOf("toUpp"), c.start());
        assertEquals(cell.length(), c.end());
    }

    @Test
    void inspectsSignatures() {
        List<String> docs = ev.documentation("Math.max(", "Math.max(".length());
        assertTrue(docs.stream().anyMatch(d -> d.contains("max(int")), docs.toString());
    }

    @Test
    void tellsCompleteFromIncomplete() {
        assertEquals("complete", ev.completeness("int x = 1;"));
        assertEquals("incomplete", ev.completeness("for (int i = 0; i < 3; i++) {"));
    }

    @Test
    void stopEndsABusyLoopAndTheShellLivesOn() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try { ev.eval("long spins = 0;\nwhile (true) { spins++; }"); }
            catch (Throwable e) { thrown.set(e); }
        });
        t.start();
        Thread.sleep(1500);
        ev.stop();
        t.join(10_000);
        assertFalse(t.isAlive(), "the cell did not stop");
        assertInstanceOf(CellError.class, thrown.get());
        assertEquals("Interrupted", ((CellError) thrown.get()).kind());
        assertEquals(3, ev.eval("1 + 2").value());
    }
}
