package pocket.rootio.rntuple;

import pocket.rootio.LeafType;

/**
 * How one TTree-style branch comes out of an RNTuple: a top-level leaf field (SCALAR), a
 * collection of leaves such as the projected {@code Jet_pt} of {@code _collection10} (JAGGED:
 * offsets from the collection's index column, values from the leaf's column), or a
 * cardinality field such as {@code nJet} (COUNT: sizes from the index column).
 * Field ids are those of the physical (non-projected) fields.
 */
record FieldPlan(String name, Kind kind, LeafType type, String typeName, int valueField, int indexField, String counter) {
    enum Kind { SCALAR, JAGGED, COUNT }
}
