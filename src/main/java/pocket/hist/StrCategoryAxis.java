package pocket.hist;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** String categories (e.g. PocketCoffea's "cat" and "variation" axes) — boost-histogram's StrCategory. */
public final class StrCategoryAxis extends CategoryAxis implements HistAxis {
    private final List<String> categories;
    private final Map<String, Integer> index;

    /** A growable axis (no flow bin), as the builder makes. */
    public StrCategoryAxis(String name, String label, List<String> categories) {
        this(name, label, categories, true);
    }

    public StrCategoryAxis(String name, String label, List<String> categories, boolean growable) {
        super(name, label, growable);
        this.categories = List.copyOf(categories);
        checkUnique(name, this.categories);
        this.index = new HashMap<>(this.categories.size() * 2);
        for (int i = 0; i < this.categories.size(); i++) index.put(this.categories.get(i), i);
    }

    public List<String> categories() { return categories; }
    @Override public int size() { return categories.size(); }

    /** Bin of a category, or -1 when the axis does not have it. */
    public int indexOf(String category) {
        Integer i = index.get(category);
        return i == null ? -1 : i;
    }

    int slot(String value) {
        Integer i = index.get(value);
        return i != null ? i : unknownSlot();
    }

    @Override List<Object> keys() { return new ArrayList<>(categories); }

    @Override StrCategoryAxis withKeys(List<Object> keys) {
        List<String> c = new ArrayList<>(keys.size());
        for (Object k : keys) c.add((String) k);
        return new StrCategoryAxis(name, label, c, growable);
    }

    @Override int indexOfKey(Object key) { return key instanceof String s ? indexOf(s) : -1; }

    @Override public boolean equals(Object o) {
        return o instanceof StrCategoryAxis a && sameCommon(a) && categories.equals(a.categories);
    }

    @Override public int hashCode() { return java.util.Objects.hash(name, label, growable, categories); }

    @Override public String toString() {
        return "category_str '" + name + "' " + categories + (growable ? " (growable)" : " (+flow)");
    }
}
