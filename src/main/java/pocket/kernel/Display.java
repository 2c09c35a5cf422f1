package pocket.kernel;

import pocket.display.MimeBundle;
import pocket.display.Renderable;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.imageio.ImageIO;

/**
 * How values show in a notebook: a registry of renderers by type (Hist and plots as PNG, tables
 * as HTML, anything else as text) and {@code display}/{@code update} calls that reach the
 * notebook when the pocket kernel runs the code, or print plain text otherwise (jshell scripts).
 */
public final class Display {
    /** Where displays go: the kernel installs one; without it, text goes to System.out. */
    public interface Sink {
        void display(MimeBundle bundle, String displayId);
        void update(MimeBundle bundle, String displayId);
    }

    private static final Map<Class<?>, Function<Object, MimeBundle>> RENDERERS = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong();
    private static volatile Sink sink;

    static {
        register(BufferedImage.class, img -> MimeBundle.text("image " + img.getWidth() + "x" + img.getHeight()).withPng(png(img)));
        register(Renderable.class, Renderable::mimeBundle);
        BuiltinRenderers.registerAll();
    }

    private Display() {}

    /** Shows values of this type (and its subtypes) with the given renderer; later registrations win. */
    @SuppressWarnings("unchecked")
    public static <T> void register(Class<T> type, Function<? super T, MimeBundle> renderer) {
        RENDERERS.put(type, o -> renderer.apply((T) o));
    }

    /** The representations of a value: the renderer of its nearest registered type, else its text. */
    public static MimeBundle render(Object value) {
        if (value == null) return MimeBundle.text("null");
        if (value instanceof MimeBundle b) return b;
        Function<Object, MimeBundle> r = find(value.getClass());
        return r != null ? r.apply(value) : MimeBundle.text(String.valueOf(value));
    }

    private static Function<Object, MimeBundle> find(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            Function<Object, MimeBundle> r = RENDERERS.get(k);
            if (r != null) return r;
            for (Class<?> i : k.getInterfaces()) {
                Function<Object, MimeBundle> ri = find(i);
                if (ri != null) return ri;
            }
        }
        return null;
    }

    /** Shows a value below the running cell. */
    public static void show(Object value) {
        emit(render(value), null, false);
    }

    /** Shows a value that later {@link #update} calls replace in place; returns its display id. */
    public static String showUpdatable(Object value) {
        String id = "pocket-" + ProcessHandle.current().pid() + "-" + IDS.incrementAndGet();
        emit(render(value), id, false);
        return id;
    }

    /** Replaces what {@link #showUpdatable} showed under this id. */
    public static void update(String displayId, Object value) {
        emit(render(value), displayId, true);
    }

    /** True inside the pocket kernel, where rich output reaches a notebook. */
    public static boolean inNotebook() { return sink != null; }

    static void attach(Sink s) { sink = s; }

    private static void emit(MimeBundle bundle, String id, boolean update) {
        Sink s = sink;
        if (s == null) {
            // Plain front ends (jshell, logs) get the text once, not every progress update.
            if (!update) System.out.println(bundle.plainText());
            return;
        }
        if (update) s.update(bundle, id);
        else s.display(bundle, id);
    }

    static byte[] png(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
