package pocket.remote;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pocket.run.ChunkFate;
import pocket.run.ProgressListener;
import pocket.run.RunOptions;
import pocket.workflow.Chunk;

/**
 * HTCondor (dask@lxplus, condor@HOST). HTCondor cannot be installed here, so: the submit
 * description is checked against condor_submit's documented syntax, and the submission path runs
 * against STAND-IN condor_submit / condor_q / condor_rm scripts (src/test/resources/pocket/remote/
 * *.standin) reached through a real sshd. The stand-ins are not HTCondor.
 */
class CondorStandInTest {
    static Path tmp;
    static Sshd sshd;

    @BeforeAll static void start() throws Exception {
        tmp = Files.createTempDirectory("pocket-condor-");
        Path bin = Files.createDirectories(tmp.resolve("standin-bin"));
        for (String tool : List.of("condor_submit", "condor_q", "condor_rm")) {
            Path p = bin.resolve(tool);
            try (var in = CondorStandInTest.class.getResourceAsStream(tool + ".standin")) { Files.write(p, in.readAllBytes()); }
            p.toFile().setExecutable(true);
        }
        sshd = Sshd.start(tmp.resolve("sshd"), Map.of("PATH", bin + ":/usr/local/bin:/usr/bin:/bin",
                "CONDOR_STANDIN_STATE", tmp.resolve("standin-state").toString()));
    }

    @AfterAll static void stop() throws Exception { if (sshd != null) sshd.close(); }

    static JobResources lxplus() {
        return JobResources.from(new RunOptions(Map.of("queue", "microcentury", "mem-per-worker", "2GB", "disk-per-worker", "2GB",
                "cores-per-worker", 2, "death-timeout", "3600", "worker-image", "/cvmfs/unpacked.cern.ch/some/image:tag",
                "voms-proxy", "/afs/cern.ch/user/x/proxy")));
    }

    /** Every line is a comment, "name = value" (a +Name is a custom ClassAd attribute) or "queue N", as condor_submit's manual defines. */
    @Test void submitDescriptionFollowsCondorSyntax() {
        String sub = new Condor().jobFile("/afs/cern.ch/user/x/pocket runs/R1", "R1", 0, 3, lxplus()).getValue();
        Pattern line = Pattern.compile("#.*|\\+?[A-Za-z_][A-Za-z0-9_]* = .+|queue \\d+");
        for (String l : sub.split("\n")) assertTrue(line.matcher(l).matches(), "not condor_submit syntax: " + l);
        List<String> lines = List.of(sub.split("\n"));
        assertTrue(lines.contains("universe = vanilla"));
        assertTrue(lines.contains("+JobFlavour = \"microcentury\""), sub);           // string ClassAd values are quoted
        assertTrue(lines.contains("request_cpus = 2"));
        assertTrue(lines.contains("request_memory = 2048"), sub);                      // MiB when no unit is given
        assertTrue(lines.contains("request_disk = 2097152"), sub);                     // KiB when no unit is given
        assertTrue(lines.contains("+SingularityImage = \"/cvmfs/unpacked.cern.ch/some/image:tag\""));
        assertTrue(lines.contains("x509userproxy = /afs/cern.ch/user/x/proxy"));
        assertTrue(lines.contains("+MaxRuntime = 3600"));
        assertTrue(lines.contains("periodic_remove = (JobStatus == 2) && ((time() - EnteredCurrentStatus) > 3600)"));
        assertTrue(lines.contains("arguments = \"0 $(Process)\""), sub);              // new-style quoted arguments
        assertTrue(lines.contains("output = /afs/cern.ch/user/x/pocket runs/R1/logs/round-0-$(Process).out"));
        assertTrue(lines.contains("log = /afs/cern.ch/user/x/pocket runs/R1/logs/round-0.log"));
        assertEquals("queue 3", lines.get(lines.size() - 1));
        // no proxy, no image, no flavour: those lines are left out rather than written empty
        String plain = new Condor().jobFile("/w/R2", "R2", 1, 1, JobResources.from(new RunOptions(Map.of()))).getValue();
        assertFalse(plain.contains("x509userproxy") || plain.contains("+SingularityImage") || plain.contains("+JobFlavour"), plain);
    }

    @Test void condorAnswersAreRead() throws Exception {
        Condor c = new Condor();
        assertEquals("4711", c.parseJobId("4711.0 - 4711.9\n"));
        assertThrows(RemoteException.class, () -> c.parseJobId("ERROR: Failed to connect to local queue manager\n"));
        var st = c.parseStatus("4711.0 2\n4711.1 1\n4711.2 5\n4711.3 4\n");
        assertEquals(BatchSystem.TaskState.ACTIVE, st.get("4711.0"));
        assertEquals(BatchSystem.TaskState.ACTIVE, st.get("4711.1"));
        assertEquals(BatchSystem.TaskState.ENDED, st.get("4711.2"));   // held
        assertEquals(BatchSystem.TaskState.ENDED, st.get("4711.3"));
        assertEquals("condor_q 4711 4712 -af:j JobStatus 2>/dev/null; true", c.statusCommand(List.of("4711", "4712")));
    }

    @Test void aRunGoesThroughTheStandInCondor() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Path f = data.resolve("dy sample.root");
        Files.write(f, new byte[64]);
        List<Chunk> plan = new ArrayList<>();
        for (long s = 0; s < 700; s += 100) plan.add(new Chunk("DY", f.toString(), "Events", s, s + 100, Map.of()));
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("ssh-port", sshd.port);
        o.put("ssh-user", System.getProperty("user.name"));
        o.put("ssh-identity", sshd.userKey.toString());
        o.put("ssh-known-hosts", sshd.knownHosts.toString());
        o.put("ssh-config", tmp.resolve("none").toString());
        o.put("remote-workdir", tmp.resolve("remote").toString());
        o.put("runs-dir", tmp.resolve("runs").toString());
        o.put("java-home", System.getProperty("java.home"));
        o.put("scaleout", 3);
        o.put("poll-interval", 0.3);
        o.put("queue", "espresso");
        // condor@HOST takes the login node from the executor string
        RunOptions opts = new BatchExecutorFactory("condor@127.0.0.1", "condor", new RunOptions(o)).customizeArgs(new RunOptions(o));
        assertEquals("127.0.0.1", opts.get("ssh-host"));
        BatchRun.Result r = BatchRun.start("condor@127.0.0.1", "condor", plan, CountingWork.class.getName(), null, opts, null, ProgressListener.NONE);
        var d = r.merged().getAsJsonObject("DY");
        assertEquals(700, d.get("entries").getAsLong());
        assertEquals(700L * 699 / 2, d.get("sum").getAsLong());
        assertTrue(r.fates().stream().allMatch(x -> x.status() == ChunkFate.Status.PROCESSED));
        Path sub = tmp.resolve("remote").resolve(r.runId()).resolve("job-0.sub");
        assertTrue(Files.readString(sub).contains("+JobFlavour = \"espresso\""));
        assertTrue(Files.readString(sub).endsWith("queue 3\n"));
    }
}
