package pocket.config;

import java.util.Map;
import pocket.events.Events;

/**
 * A named event selection, PocketCoffea's {@code Cut(name, params, function)}: the function
 * returns one boolean per event of the chunk.
 */
public record Cut(String name, Map<String, Object> params, Function function) {
    /** The selection itself; it reads what it needs from the events (lazily loaded branches). */
    @FunctionalInterface
    public interface Function {
        boolean[] mask(Events events, CutContext ctx);
    }

    public Cut {
        if (name == null || name.isBlank()) throw new ConfigException("a Cut needs a name");
        params = params == null ? Map.of() : Map.copyOf(params);
        if (function == null) throw new ConfigException("cut '" + name + "' has no function");
    }

    public static Cut of(String name, Function f) { return new Cut(name, Map.of(), f); }

    public static Cut of(String name, Map<String, Object> params, Function f) { return new Cut(name, params, f); }

    /** Evaluates the cut, checking that it answers once per event. */
    public boolean[] mask(Events events, CutContext ctx) {
        boolean[] m = function.mask(events, ctx.withParams(params));
        if (m == null || m.length != events.size())
            throw new ConfigException("cut '" + name + "' returned " + (m == null ? "null" : m.length + " values") + " for " + events.size() + " events");
        return m;
    }

    @Override public String toString() { return name; }
}
