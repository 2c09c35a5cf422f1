package pocket.executors;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.bench.Bench;
import pocket.generate.Sample;
import pocket.generate.SampleWriter;
import pocket.rootio.file.RootFile;
import pocket.rootio.write.WriteOptions;
import pocket.run.ChunkExecutor;
import pocket.run.ExecutorFactory;
import pocket.run.ProgressListener;
import pocket.run.RunContext;
import pocket.run.RunOptions;
import pocket.run.RunOptionsResolver;
import pocket.workflow.Chunk;
import pocket.workflow.Output;

/**
 * scaleout is the number of cores a run uses, the baskets' decompression included: which Java
 * threads burn CPU while chunks of a generated NanoAOD file are read. Iterative: only the caller's
 * thread (before, the reader decompressed on the JVM's common pool as well). Futures -s 2: only the
 * executor's two threads, and on a single chunk both of them (the idle one decompresses baskets).
 */
class ScaleoutTest {
    @TempDir static Path tmp;
    static Path file;
    static long entries;

    @BeforeAll static void sample() throws Exception {
        SampleWriter.Result r = new SampleWriter(Sample.ZMUMU, 200_000, 1, 3, WriteOptions.defaults(), "2018").write(tmp);
        file = r.files().get(0);
        entries = r.events();
    }

    /** Reads the Z->mumu analysis branches of the chunk: nothing but the reader's work. */
    static Output read(Chunk c) throws Exception {
        try (RootFile f = RootFile.open(c.file())) {
            var cols = f.tree(c.tree()).read(Bench.ANALYSIS_BRANCHES, c.start(), c.stop());
            assertEquals(Bench.ANALYSIS_BRANCHES.size(), cols.size());
        }
        return Output.empty();
    }

    static List<Chunk> chunks(int n) {
        List<Chunk> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(new Chunk("DY", file.toString(), "Events", entries * i / n, entries * (i + 1) / n, Map.of()));
        return out;
    }

    /** CPU nanoseconds each live thread spent while the executor ran the chunks {@code repeats} times, by thread name (threads that spent none left out). */
    static Map<String, Long> cpuByThread(ExecutorFactory factory, List<Chunk> chunks, int repeats) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        RunOptions o = RunOptionsResolver.defaults().resolve("futures");
        RunContext ctx = new RunContext(null, null, o, ScaleoutTest::read, ProgressListener.NONE, tmp);
        factory.setup();
        try {
            ChunkExecutor ex = factory.get();
            ex.execute(chunks, ctx);   // warm-up: JIT, page cache, the pool's threads
            Map<Long, Long> before = new HashMap<>();
            for (long id : mx.getAllThreadIds()) before.put(id, mx.getThreadCpuTime(id));
            for (int k = 0; k < repeats; k++) ex.execute(chunks, ctx);
            Map<String, Long> spent = new TreeMap<>();
            for (var info : mx.getThreadInfo(mx.getAllThreadIds())) {
                if (info == null) continue;
                long now = mx.getThreadCpuTime(info.getThreadId());
                long d = now - before.getOrDefault(info.getThreadId(), 0L);
                if (now >= 0 && d > 0) spent.merge(info.getThreadName(), d, Long::sum);
            }
            return spent;
        } finally {
            factory.close();
        }
    }

    /**
     * The threads that did a share of the work: at least a tenth of the busiest one's CPU time (the
     * JVM's own threads, such as the Reference Handler, spend a few milliseconds at any time).
     */
    static List<String> busy(Map<String, Long> spent) {
        long most = spent.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return spent.entrySet().stream().filter(e -> e.getValue() * 10 >= most).map(Map.Entry::getKey).sorted().toList();
    }

    @Test void iterativeReadsOnTheCallersThreadAlone() throws Exception {
        Map<String, Long> spent = cpuByThread(new IterativeExecutorFactory(), chunks(4), 3);
        assertEquals(List.of(Thread.currentThread().getName()), busy(spent), "CPU by thread (ns): " + spent);
    }

    @Test void futuresUsesItsScaleoutThreadsAndNoOthers() throws Exception {
        RunOptions two = RunOptionsResolver.defaults().resolve("futures").with("scaleout", 2);
        Map<String, Long> spent = cpuByThread(new FuturesExecutorFactory(two), chunks(4), 3);
        assertEquals(List.of("pocket-futures-1", "pocket-futures-2"), busy(spent), "CPU by thread (ns): " + spent);

        // one chunk, once: the second thread has no chunk of its own and decompresses baskets of the first
        Map<String, Long> one = cpuByThread(new FuturesExecutorFactory(two), chunks(1), 1);
        assertEquals(List.of("pocket-futures-1", "pocket-futures-2"), busy(one), "CPU by thread (ns), one chunk: " + one);
    }
}
