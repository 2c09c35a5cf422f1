package pocket.rootio.source;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The merged local readv gives each range's own bytes (unsorted, overlapping, adjacent ranges). */
class LocalSourceReadvTest {
    @Test void everySampleReadvEqualsPlainBytes() throws IOException {
        long seed = 900;
        for (Path sample : SampleBytes.samples())
            try (Source s = new LocalSource(sample)) {
                SampleBytes.assertSameBytes(s, sample, seed++);
            }
    }
}
