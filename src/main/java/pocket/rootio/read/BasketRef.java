package pocket.rootio.read;

import pocket.rootio.model.TBasket;

/**
 * Where one basket of a branch lies: its number, its entries {@code [entryStart, entryStop)},
 * and either its record on disk (seek, bytes) or the basket embedded in the TTree record.
 */
public record BasketRef(int number, long entryStart, long entryStop, long seek, int bytes, TBasket embedded) {
    public long entries() { return entryStop - entryStart; }
}
