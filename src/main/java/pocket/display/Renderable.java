package pocket.display;

/** A pocket value that knows how it looks in a notebook (a run Result, a plot, a table). */
public interface Renderable {
    MimeBundle mimeBundle();
}
