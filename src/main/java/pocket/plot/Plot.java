package pocket.plot;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import pocket.display.MimeBundle;
import pocket.display.Renderable;

/**
 * A finished plot: its drawing, as PNG for files and notebooks (where it shows as image/png) and
 * as PDF or SVG vectors for papers and slides.
 */
public final class Plot implements Renderable {
    /** The file formats {@link #save} writes, by extension. */
    public static final List<String> FORMATS = List.of("png", "pdf", "svg");

    private final String name;
    private final int width, height;
    private final Consumer<Graphics2D> painter;
    private final BufferedImage image;

    /** @param painter draws the whole plot, background included, onto a canvas of width x height */
    Plot(String name, int width, int height, Consumer<Graphics2D> painter) {
        this.name = name;
        this.width = width;
        this.height = height;
        this.painter = painter;
        this.image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        painter.accept(g);
        g.dispose();
    }

    public String name() { return name; }
    public int width() { return width; }
    public int height() { return height; }

    /** A copy of the image, so the plot itself stays unchanged. */
    public BufferedImage image() {
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), image.getType());
        copy.getGraphics().drawImage(image, 0, 0, null);
        return copy;
    }

    public byte[] png() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] pdf() { return vector("pdf"); }

    public byte[] svg() { return vector("svg"); }

    private byte[] vector(String format) {
        VectorGraphics2D g = new VectorGraphics2D();
        painter.accept(g);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Processors.get(format).getDocument(g.getCommands(), new PageSize(0, 0, width, height)).writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The plot in a format of {@link #FORMATS}. */
    public byte[] bytes(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "png" -> png();
            case "pdf" -> pdf();
            case "svg" -> svg();
            default -> throw new IllegalArgumentException("plot: unknown format '" + format + "'; formats: " + FORMATS);
        };
    }

    /**
     * Writes the plot in the format its extension names (.png, .pdf, .svg); a folder gets
     * {@code <name>.png} inside it. Returns the file written.
     */
    public Path save(Path fileOrDir) throws IOException {
        Path file = Files.isDirectory(fileOrDir) ? fileOrDir.resolve(safe(name) + ".png") : fileOrDir;
        String f = file.getFileName().toString();
        int dot = f.lastIndexOf('.');
        String ext = dot < 0 ? "" : f.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(ext))
            throw new IllegalArgumentException("plot: cannot save " + file + ": the extension names the format, one of " + FORMATS);
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        Files.write(file, bytes(ext));
        return file;
    }

    static String safe(String s) { return s.replaceAll("[^A-Za-z0-9._-]+", "_"); }

    @Override
    public MimeBundle mimeBundle() {
        return MimeBundle.text("Plot " + name + " (" + width() + "x" + height() + ")").withPng(png());
    }

    @Override public String toString() { return "Plot " + name + " (" + width() + "x" + height() + ")"; }
}
