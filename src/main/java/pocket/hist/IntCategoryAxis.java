package pocket.hist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Integer categories in any order (e.g. pdgId) — boost-histogram's IntCategory. */
final class IntCategoryAxis extends CategoryAxis implements HistAxis {
    private final int[] categories;
    // sorted copy and the bin of each, so a lookup is a binary search without boxing
    private final int[] sorted;
    private final int[] sortedBin;

    /** A growable axis (no flow bin), as the builder makes. */
    public IntCategoryAxis(String name, String label, int[] categories) {
        this(name, label, categories, true);
    }

    public IntCategoryAxis(String name, String label, int[] categories, boolean growable) {
        super(name, label, growable);
        this.categories = categories.clone();
        List<Integer> boxed = new ArrayList<>();
        for (int c : categories) boxed.add(c);
        checkUnique(name, boxed);
        Integer[] order = new Integer[categories.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Integer.compare(categories[a], categories[b]));
        sorted = new int[order.length];
        sortedBin = new int[order.length];
        for (int i = 0; i < order.length; i++) { sorted[i] = categories[order[i]]; sortedBin[i] = order[i]; }
    }

    public int[] categoryValues() { return categories.clone(); }

    public List<Integer> categories() {
        List<Integer> out = new ArrayList<>(categories.length);
        for (int c : categories) out.add(c);
        return out;
    }

    @Override public int size() { return categories.length; }

    /** Bin of a category, or -1 when the axis does not have it. */
    public int indexOf(int category) {
        int k = Arrays.binarySearch(sorted, category);
        return k >= 0 ? sortedBin[k] : -1;
    }

    int slot(int value) {
        int k = Arrays.binarySearch(sorted, value);
        return k >= 0 ? sortedBin[k] : unknownSlot();
    }

    @Override List<Object> keys() { return new ArrayList<>(categories()); }

    @Override IntCategoryAxis withKeys(List<Object> keys) {
        int[] c = new int[keys.size()];
        for (int i = 0; i < c.length; i++) c[i] = (Integer) keys.get(i);
        return new IntCategoryAxis(name, label, c, growable);
    }

    @Override int indexOfKey(Object key) { return key instanceof Integer i ? indexOf(i) : -1; }

    @Override public boolean equals(Object o) {
        return o instanceof IntCategoryAxis a && sameCommon(a) && Arrays.equals(categories, a.categories);
    }

    @Override public int hashCode() { return java.util.Objects.hash(name, label, growable) * 31 + Arrays.hashCode(categories); }

    @Override public String toString() {
        return "category_int '" + name + "' " + Arrays.toString(categories) + (growable ? " (growable)" : " (+flow)");
    }
}
