package pocket.rootio.rntuple;

import java.util.ArrayList;
import java.util.List;
import pocket.rootio.RootIOException;

/** Fields, physical columns and alias columns of an RNTuple: the header's schema plus the footer's extension. */
final class Schema {
    final List<FieldDesc> fields = new ArrayList<>();
    final List<ColumnDesc> columns = new ArrayList<>();
    /** Alias columns: {physical column id, projected field id}. */
    final List<int[]> aliases = new ArrayList<>();

    /** Reads the four list frames of a schema description, numbering fields and columns after the ones already read. */
    void read(LeBuffer b) throws RootIOException {
        int[] l = b.list();
        for (int i = 0; i < l[1]; i++) {
            int end = b.record();
            int id = fields.size();
            b.i32(); b.i32();
            int parent = b.i32();
            int role = b.u16(), flags = b.u16();
            String name = b.string(), type = b.string(), alias = b.string();
            b.string();
            long arraySize = (flags & 0x01) != 0 ? b.i64() : 0;
            int source = (flags & 0x02) != 0 ? b.i32() : -1;
            fields.add(new FieldDesc(id, parent, role, flags, name, type, alias, arraySize, source));
            b.seek(end);
        }
        b.seek(l[0]);
        l = b.list();
        for (int i = 0; i < l[1]; i++) {
            int end = b.record();
            int raw = b.u16(), bits = b.u16(), field = b.i32(), flags = b.u16(), repr = b.u16();
            long first = (flags & 0x01) != 0 ? b.i64() : 0;
            columns.add(new ColumnDesc(columns.size(), ColumnType.of(raw), raw, bits, field, repr, first));
            b.seek(end);
        }
        b.seek(l[0]);
        l = b.list();
        for (int i = 0; i < l[1]; i++) {
            int end = b.record();
            aliases.add(new int[]{b.i32(), b.i32()});
            b.seek(end);
        }
        b.seek(l[0]);
        l = b.list();
        b.seek(l[0]);
    }

    /** The full dotted name of a field ("_collection0.Jet_pt"). */
    String path(FieldDesc f) {
        StringBuilder s = new StringBuilder(f.name());
        while (!f.topLevel()) { f = fields.get(f.parent()); s.insert(0, f.name() + "."); }
        return s.toString();
    }

    List<FieldDesc> children(int id) {
        List<FieldDesc> out = new ArrayList<>();
        for (FieldDesc f : fields) if (f.parent() == id && f.id() != id) out.add(f);
        return out;
    }
}
