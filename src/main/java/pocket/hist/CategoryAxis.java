package pocket.hist;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What string and int category axes share. A growable axis (the builder's kind) has no flow bin:
 * a new value adds a category. A fixed axis (read from UHI with {@code flow: true}) sends unknown
 * values to its one flow bin, placed after the categories as in boost-histogram.
 */
abstract sealed class CategoryAxis permits StrCategoryAxis, IntCategoryAxis {
    final String name;
    final String label;
    final boolean growable;

    CategoryAxis(String name, String label, boolean growable) {
        this.name = Objects.requireNonNull(name, "hist: axis name");
        this.label = label == null ? name : label;
        this.growable = growable;
        if (name.isEmpty()) throw new IllegalArgumentException("hist: axis name must not be empty");
    }

    public String name() { return name; }
    public String label() { return label; }
    public boolean underflow() { return false; }
    public boolean overflow() { return !growable; }
    public boolean isCategory() { return true; }

    /** True when filling an unseen value adds a category (then there is no flow bin). */
    public boolean growable() { return growable; }

    public abstract int size();

    /** The categories as String or Integer keys, in bin order. */
    abstract List<Object> keys();

    /** The same axis with these categories (keys of this axis's kind). */
    abstract CategoryAxis withKeys(List<Object> keys);

    /** Bin of a key, or -1 when the axis does not have it. */
    abstract int indexOfKey(Object key);

    /** Slot of an unknown value on a fixed axis. */
    final int unknownSlot() { return growable ? Slots.DROP : size(); }

    public List<String> binLabels() {
        List<String> out = new ArrayList<>();
        for (Object k : keys()) out.add(String.valueOf(k));
        return out;
    }

    boolean sameCommon(CategoryAxis o) {
        return name.equals(o.name) && label.equals(o.label) && growable == o.growable;
    }

    static void checkUnique(String name, List<?> keys) {
        if (new java.util.HashSet<>(keys).size() != keys.size())
            throw new IllegalArgumentException("hist: category axis '" + name + "' has a repeated category: " + keys);
    }
}
