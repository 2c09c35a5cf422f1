package pocket.config;

import java.util.List;

/**
 * One dimension of a cartesian categorisation: a named group of alternative cuts, each giving
 * one bin (PocketCoffea's {@code MultiCut(name, cuts, cuts_names)}).
 */
public record MultiCut(String name, List<Cut> cuts, List<String> cutsNames) {
    public MultiCut {
        cuts = List.copyOf(cuts);
        cutsNames = cutsNames == null ? cuts.stream().map(Cut::name).toList() : List.copyOf(cutsNames);
        if (cuts.isEmpty()) throw new ConfigException("MultiCut '" + name + "' has no cuts");
        if (cutsNames.size() != cuts.size())
            throw new ConfigException("MultiCut '" + name + "': " + cuts.size() + " cuts but " + cutsNames.size() + " names");
    }

    public static MultiCut of(String name, List<Cut> cuts) { return new MultiCut(name, cuts, null); }

    public static MultiCut of(String name, List<Cut> cuts, List<String> names) { return new MultiCut(name, cuts, names); }
}
