package pocket.events;

import java.util.Collection;
import pocket.util.Names;

/** A cut, variable or workflow step asked for a column or branch the chunk does not have. */
public class ColumnNotFoundException extends RuntimeException {
    private final String column;

    public ColumnNotFoundException(String column, String where, Collection<String> existing) {
        super("events: '" + column + "' not found in " + where + Names.nearestHint(column, existing));
        this.column = column;
    }

    public String column() { return column; }
}
