package pocket.plot;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import pocket.display.MimeBundle;
import pocket.display.Renderable;

/** A finished plot: an image with a name; PNG bytes for files and notebooks (where it shows as image/png). */
public final class Plot implements Renderable {
    private final String name;
    private final BufferedImage image;

    Plot(String name, BufferedImage image) {
        this.name = name;
        this.image = image;
    }

    public String name() { return name; }
    public int width() { return image.getWidth(); }
    public int height() { return image.getHeight(); }

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

    /** Writes the PNG; a folder gets {@code <name>.png} inside it. Returns the file written. */
    public Path save(Path fileOrDir) throws IOException {
        Path file = Files.isDirectory(fileOrDir) ? fileOrDir.resolve(safe(name) + ".png") : fileOrDir;
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        Files.write(file, png());
        return file;
    }

    static String safe(String s) { return s.replaceAll("[^A-Za-z0-9._-]+", "_"); }

    @Override
    public MimeBundle mimeBundle() {
        return MimeBundle.text("Plot " + name + " (" + width() + "x" + height() + ")").withPng(png());
    }

    @Override public String toString() { return "Plot " + name + " (" + width() + "x" + height() + ")"; }
}
