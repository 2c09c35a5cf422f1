package pocket.config;

/** The spelling of a column in a sum or range: {@code name} or {@code Collection.field}, checked before any file is read. */
final class ColumnRef {
    private ColumnRef() {}

    static void check(String column, String what) {
        if (column == null || column.isBlank())
            throw new ConfigException(what + " needs a column, e.g. " + what + ".of(\"MET.pt\") or " + what + ".of(\"MuonGood.pt\")");
        int dot = column.indexOf('.');
        if (dot != column.lastIndexOf('.') || dot == 0 || dot == column.length() - 1 || !column.strip().equals(column))
            throw new ConfigException(what + ".of(\"" + column + "\"): a column is 'name' or 'Collection.field', e.g. \"PV.npvs\", \"Muon.pt\", \"mll\"");
    }
}
