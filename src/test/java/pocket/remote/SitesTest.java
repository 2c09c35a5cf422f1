package pocket.remote;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.run.ExecutorProviders;
import pocket.run.RunOptions;
import pocket.run.RunOptionsResolver;

/** Site executors found through ServiceLoader, their defaults, job options and worker input rules. */
class SitesTest {
    @Test void siteExecutorsAreFoundByExecutorString() {
        RunOptionsResolver d = RunOptionsResolver.defaults();
        for (String e : new String[]{"dask@lxplus", "dask@T3_CH_PSI", "condor@login.example.org", "slurm@login.example.org"})
            assertInstanceOf(BatchExecutorFactory.class, ExecutorProviders.lookup(e, d.resolve(e)), e);
        assertTrue(ExecutorProviders.available(null).contains("dask@T3_CH_PSI"));
        assertEquals("lxplus.cern.ch", d.resolve("dask@lxplus").get("ssh-host"));
        assertEquals("microcentury", d.resolve("dask@lxplus").get("queue"));
        assertEquals("short", d.resolve("dask@T3_CH_PSI").get("queue"));
    }

    @Test void missingLoginNodeIsExplained() {
        var f = ExecutorProviders.lookup("dask@T3_CH_PSI", RunOptionsResolver.defaults().resolve("dask@T3_CH_PSI"));
        var e = assertThrows(IllegalArgumentException.class, f::setup);
        assertTrue(e.getMessage().contains("'ssh-host'") && e.getMessage().contains("~/.ssh/config"), e.getMessage());
    }

    @Test void slurmScriptFromOptions() {
        JobResources r = JobResources.from(new RunOptions(Map.of("queue", "short", "walltime", "00:40:00", "mem-per-worker", "2GB",
                "cores-per-worker", 4, "custom-setup-commands", java.util.List.of("source /cvmfs/x/setup.sh"), "java-home", "/opt/jdk 17")));
        String s = new Slurm().jobFile("/w/R", "R", 2, 5, r).getValue();
        assertTrue(s.contains("#SBATCH --partition=short\n#SBATCH --time=00:40:00\n#SBATCH --mem=2048M\n#SBATCH --cpus-per-task=4\n#SBATCH --array=0-4\n"), s);
        String w = WorkerScript.text("/w/it's R", "R", r);
        assertTrue(w.contains("\nsource /cvmfs/x/setup.sh\n"), w);
        assertTrue(w.contains("exec '/opt/jdk 17/bin/java' -Xmx1536m -XX:ActiveProcessorCount=4 "), w);
        assertTrue(w.contains("cd '/w/it'\\''s R' ||"), w);
        String submit = new Slurm().submitCommand("/w/it's R", "job-2.sbatch", 2);
        assertTrue(submit.startsWith("sbatch --parsable '--chdir=/w/it'\\''s R' "), submit);
    }

    @Test void squeueAnswersAreRead() {
        var st = new Slurm().parseStatus("41_0 RUNNING\n41_1 COMPLETED\n41_2 CANCELLED\n42_[0-2,5] PENDING\n");
        assertEquals(BatchSystem.TaskState.ACTIVE, st.get("41.0"));
        assertEquals(BatchSystem.TaskState.ENDED, st.get("41.1"));
        assertEquals(BatchSystem.TaskState.ENDED, st.get("41.2"));
        for (String k : new String[]{"42.0", "42.1", "42.2", "42.5"}) assertEquals(BatchSystem.TaskState.ACTIVE, st.get(k), k);
        assertNull(st.get("42.3"));
    }

    @Test void badJobOptionsNameTheOption() {
        var e = assertThrows(IllegalArgumentException.class, () -> JobResources.from(new RunOptions(Map.of("mem-per-worker", "lots"))));
        assertTrue(e.getMessage().contains("'mem-per-worker'") && e.getMessage().contains("2GB"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> JobResources.from(new RunOptions(Map.of("walltime", "40 minutes"))));
        assertTrue(e.getMessage().contains("'walltime'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> JobResources.from(new RunOptions(Map.of("queue", "short\n#SBATCH --x"))));
        assertTrue(e.getMessage().contains("'queue'"), e.getMessage());
        assertEquals(1536, JobResources.from(new RunOptions(Map.of("mem-per-worker", "1.5GB"))).memMiB());
        assertEquals(1500, JobResources.from(new RunOptions(Map.of("mem-per-worker", "1500MB"))).memMiB());
    }

    @Test void eosUrlsAreReadThroughTheMountWhenThere(@TempDir Path eos) throws Exception {
        Path f = eos.resolve("user/a/alice/nano.root");
        Files.createDirectories(f.getParent());
        Files.write(f, new byte[]{1});
        WorkerInputs w = new WorkerInputs(eos);
        assertEquals(f.toString(), w.resolve("root://eosuser.cern.ch//eos/user/a/alice/nano.root"));
        // not on the mount: left to the reader (which says whether it can read root://)
        assertEquals("root://eosuser.cern.ch//eos/user/a/alice/missing.root", w.resolve("root://eosuser.cern.ch//eos/user/a/alice/missing.root"));
        assertEquals("root://cmsxrootd.fnal.gov//store/x.root", w.resolve("root://cmsxrootd.fnal.gov//store/x.root"));
        assertEquals("/data/x.root", w.resolve("/data/x.root"));
    }

    @Test void stagedDatasetJsonGetsAbsolutePaths(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("ds.json");
        Files.writeString(json, "{\"DY\": {\"metadata\": {\"year\": \"2018\"}, \"files\": [\"../data/a.root\", \"/abs/b.root\", \"root://h//eos/c.root\"]}}");
        String out = new String(Staging.datasetWithAbsoluteFiles(json));
        assertTrue(out.contains("\"" + dir.getParent().resolve("data/a.root") + "\""), out);
        assertTrue(out.contains("\"/abs/b.root\"") && out.contains("\"root://h//eos/c.root\"") && out.contains("\"2018\""), out);
        Files.writeString(json, "{\"not\": \"a dataset\"}");
        assertNull(Staging.datasetWithAbsoluteFiles(json));
    }
}
