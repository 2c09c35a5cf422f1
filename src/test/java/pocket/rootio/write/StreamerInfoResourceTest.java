package pocket.rootio.write;

import org.junit.jupiter.api.Test;
import pocket.testing.TestData;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class StreamerInfoResourceTest {
    private static Path dataDir() { return TestData.file(StreamerInfoResource.ROOT_FILE).getParent(); }

    @Test
    void committedResourceIsWhatTheGeneratorMakesFromTheSamples() throws Exception {
        byte[] made = StreamerInfoResource.make(dataDir());
        byte[] committed;
        try (InputStream in = RootFileWriter.class.getResourceAsStream("streamerinfo.bin")) {
            assertNotNull(in, "streamerinfo.bin resource");
            committed = in.readAllBytes();
        }
        assertArrayEquals(made, committed, "refresh with: java -cp target/classes:target/test-classes pocket.rootio.write.StreamerInfoResource");
    }

    @Test
    void resourceHoldsEveryClassTheWriterStreams() throws Exception {
        List<StreamerInfoResource.Item> items = StreamerInfoResource.readPayload(StreamerInfoResource.make(dataDir()), RootFileWriter.STREAMER_INFO_KEYLEN);
        List<String> names = items.stream().map(StreamerInfoResource.Item::name).toList();
        for (String cls : List.of("TTree", "TBranch", "TLeaf", "TLeafO", "TLeafB", "TLeafS", "TLeafI", "TLeafL", "TLeafF", "TLeafD",
                "TNamed", "TObject", "TAttLine", "TAttFill", "TAttMarker", "TObjArray", "ROOT::TIOFeatures"))
            assertTrue(names.contains(cls), cls + " in " + names);
        assertEquals(names.size(), names.stream().distinct().count(), "no class twice: " + names);
    }

    @Test
    void restreamingRootsOwnListGivesRootsBytes() throws Exception {
        // the walker and OutBuffer's class tags reproduce ROOT's bytes exactly when nothing changes
        Path file = dataDir().resolve(StreamerInfoResource.ROOT_FILE);
        byte[] original = StreamerInfoResource.payload(file);
        List<StreamerInfoResource.Item> items = StreamerInfoResource.readList(file);
        assertArrayEquals(original, StreamerInfoResource.restream(items, RootFileWriter.STREAMER_INFO_KEYLEN));
    }
}
