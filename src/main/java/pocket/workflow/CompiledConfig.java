package pocket.workflow;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;
import pocket.util.CacheDir;

/**
 * A config script's snippets as JShell compiled them (class files and the order their bodies
 * ran), kept under the hash of the script, the JDK and pocket's classes, so that running the
 * same config again loads and runs them without starting the compiler.
 */
final class CompiledConfig {
    private static final int MAGIC = 0x70634346; // "pcCF"
    private static final int FORMAT = 1;

    private final Map<String, byte[]> classes;
    private final List<String[]> invokes;

    private CompiledConfig(Map<String, byte[]> classes, List<String[]> invokes) {
        this.classes = classes;
        this.invokes = invokes;
    }

    /** Where compiled configs are kept: -Dpocket.cache.dir, else $XDG_CACHE_HOME/pocket, else ~/.cache/pocket. */
    static Path cacheDir() { return CacheDir.of("configs"); }

    /** The cache key: what the compiled classes depend on (script text, imports, JDK, pocket's classes as built). */
    static String key(String scriptText, List<String> imports, List<String> classpath) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            feed(md, "pocket-config " + FORMAT + "\n" + System.getProperty("java.vm.version") + "\n" + String.join("\n", imports) + "\n");
            for (String cp : classpath) feed(md, identity(Path.of(cp)));
            feed(md, "\n--\n" + scriptText);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException | IOException e) {
            return null; // no key, no cache: the script is compiled as before
        }
    }

    private static void feed(MessageDigest md, String s) { md.update(s.getBytes(StandardCharsets.UTF_8)); }

    /** A jar by its size and time; a class folder (a development build) by every file's. */
    private static String identity(Path p) throws IOException {
        if (!Files.exists(p)) return p + " absent\n";
        if (!Files.isDirectory(p)) {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            return p + " " + a.size() + " " + a.lastModifiedTime().toMillis() + "\n";
        }
        StringBuilder sb = new StringBuilder(p.toString()).append('\n');
        try (Stream<Path> files = Files.walk(p)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                sb.append(p.relativize(f)).append(' ').append(a.size()).append(' ').append(a.lastModifiedTime().toMillis()).append('\n');
            }
        }
        return sb.toString();
    }

    /** The kept compilation of this key, or null (none, unreadable, or another format). */
    static CompiledConfig find(String key) {
        if (key == null) return null;
        Path f = cacheDir().resolve(key + ".bin");
        if (!Files.isRegularFile(f)) return null;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(f)))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) return null;
            Map<String, byte[]> classes = new LinkedHashMap<>();
            for (int i = 0, n = in.readInt(); i < n; i++) {
                String name = in.readUTF();
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                classes.put(name, b);
            }
            List<String[]> invokes = new ArrayList<>();
            for (int i = 0, n = in.readInt(); i < n; i++) invokes.add(new String[]{in.readUTF(), in.readUTF()});
            return new CompiledConfig(classes, invokes);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Loads the classes and runs the snippets' bodies in their order, as JShell did; returns the
     * script's {@code cfg}. Any failure throws, and the caller compiles the script afresh, which
     * reports it with the script's line.
     */
    Object run(ClassLoader parent) throws Exception {
        ClassLoader loader = new SnippetLoader(parent, classes);
        for (String[] inv : invokes) {
            Method m = Class.forName(inv[0], true, loader).getDeclaredMethod(inv[1]);
            m.setAccessible(true);
            try {
                m.invoke(null);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception x ? x : e;
            }
        }
        List<String> names = new ArrayList<>(classes.keySet());
        for (int i = names.size() - 1; i >= 0; i--) { // the latest snippet that declared cfg
            Class<?> c = Class.forName(names.get(i), false, loader);
            for (Field f : c.getDeclaredFields())
                if (f.getName().equals("cfg") && Modifier.isStatic(f.getModifiers())) {
                    f.setAccessible(true);
                    return f.get(null);
                }
        }
        return null;
    }

    /** Defines the snippets' classes from their bytes; everything else comes from pocket's loader. */
    private static final class SnippetLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        SnippetLoader(ClassLoader parent, Map<String, byte[]> classes) {
            super(parent);
            this.classes = classes;
        }

        @Override protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = classes.get(name);
            if (b == null) throw new ClassNotFoundException(name);
            return defineClass(name, b, 0, b.length);
        }
    }

    /** JShell's direct execution that also writes down what it loads and runs, while {@code recording}. */
    static final class Recorder extends DirectExecutionControl {
        private final Map<String, byte[]> classes = new LinkedHashMap<>();
        private final List<String[]> invokes = new ArrayList<>();
        private boolean cacheable = true;
        boolean recording = true;

        @Override
        public void load(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException, EngineTerminationException {
            if (recording)
                for (ClassBytecodes c : cbcs) {
                    byte[] old = classes.put(c.name(), c.bytecodes());
                    if (old != null && !Arrays.equals(old, c.bytecodes())) cacheable = false; // one name, two classes: not replayable
                }
            super.load(cbcs);
        }

        @Override
        public void redefine(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException, EngineTerminationException {
            cacheable = false;
            super.redefine(cbcs);
        }

        @Override
        public String invoke(String className, String methodName) throws RunException, EngineTerminationException, InternalException {
            if (recording) invokes.add(new String[]{className, methodName});
            return super.invoke(className, methodName);
        }

        /** Keeps what was recorded under the key; a cache that cannot be written is no error, only no speed-up. */
        void save(String key) {
            if (key == null || !cacheable || invokes.isEmpty()) return;
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (DataOutputStream out = new DataOutputStream(bytes)) {
                    out.writeInt(MAGIC);
                    out.writeInt(FORMAT);
                    out.writeInt(classes.size());
                    for (Map.Entry<String, byte[]> e : classes.entrySet()) {
                        out.writeUTF(e.getKey());
                        out.writeInt(e.getValue().length);
                        out.write(e.getValue());
                    }
                    out.writeInt(invokes.size());
                    for (String[] inv : invokes) { out.writeUTF(inv[0]); out.writeUTF(inv[1]); }
                }
                Path dir = cacheDir();
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, key, ".tmp");
                Files.write(tmp, bytes.toByteArray());
                Files.move(tmp, dir.resolve(key + ".bin"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException e) {
                // read-only home, full disk: the next run compiles again
            }
        }
    }

    /** Hands JShell one Recorder, so the loader can read what it recorded. */
    static final class RecorderProvider implements ExecutionControlProvider {
        final Recorder recorder = new Recorder();

        @Override public String name() { return "pocket-record"; }

        @Override public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) { return recorder; }
    }
}
