package pocket.remote;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellQuoteTest {
    static final List<String> NASTY = List.of(
            "plain.root", "with space.root", "it's.root", "$(touch /tmp/pwned)", "`id`", "a;b|c&d", "x\ny",
            "*.root", "~user", "--help", "", "\"dq\"", "back\\slash", "'", "''", "a'b'c", "$HOME", "é ü", "X=1", "-", "!event");

    @Test void plainWordsStayReadable() {
        assertEquals("/eos/user/a/data_2018.root", ShellQuote.quote("/eos/user/a/data_2018.root"));
        assertEquals("'it'\\''s'", ShellQuote.quote("it's"));
        assertEquals("''", ShellQuote.quote(""));
    }

    @Test void nulIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> ShellQuote.quote("a\0b"));
        assertTrue(e.getMessage().contains("NUL"));
    }

    /** Each quoted word, given to a real /bin/sh, arrives as exactly one unchanged argument. */
    @Test void realShellGetsEachWordBack() throws Exception {
        String script = "for a in " + ShellQuote.command(NASTY) + "; do printf '%s\\0' \"$a\"; done";
        Process p = new ProcessBuilder("/bin/sh", "-c", script).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        String[] got = new String(out, java.nio.charset.StandardCharsets.UTF_8).split("\0", -1);
        assertEquals(NASTY.size() + 1, got.length, "one argument per word");
        for (int i = 0; i < NASTY.size(); i++) assertEquals(NASTY.get(i), got[i]);
        assertFalse(java.nio.file.Files.exists(java.nio.file.Path.of("/tmp/pwned")));
    }
}
