package pocket.rootio.rntuple;

import java.lang.reflect.Array;
import pocket.rootio.LeafType;

/** Array types of branch values and the element-wise conversion used when a column's type is not its field's. */
final class Values {
    private Values() {}

    static Class<?> component(LeafType t) {
        return switch (t) {
            case BOOL -> boolean.class;
            case INT8, UINT8 -> byte.class;
            case INT16, UINT16 -> short.class;
            case INT32, UINT32 -> int.class;
            case INT64, UINT64 -> long.class;
            case FLOAT32 -> float.class;
            case FLOAT64 -> double.class;
        };
    }

    /** The LeafType of a normalized RNTuple leaf type name, or null when it is not a primitive. */
    static LeafType leafType(String typeName) {
        return switch (typeName) {
            case "bool" -> LeafType.BOOL;
            case "char", "std::int8_t" -> LeafType.INT8;
            case "std::uint8_t", "std::byte" -> LeafType.UINT8;
            case "std::int16_t" -> LeafType.INT16;
            case "std::uint16_t" -> LeafType.UINT16;
            case "std::int32_t" -> LeafType.INT32;
            case "std::uint32_t" -> LeafType.UINT32;
            case "std::int64_t" -> LeafType.INT64;
            case "std::uint64_t" -> LeafType.UINT64;
            case "float" -> LeafType.FLOAT32;
            case "double" -> LeafType.FLOAT64;
            default -> null;
        };
    }

    /** Copies {@code len} elements of {@code src} into {@code dst} from {@code pos}, converting to {@code type}. */
    static void convert(Object src, Object dst, int pos, int len, LeafType type) {
        boolean real = src instanceof float[] || src instanceof double[];
        for (int i = 0; i < len; i++) {
            if (real) {
                double v = Array.getDouble(src, i);
                switch (type) {
                    case FLOAT32 -> ((float[]) dst)[pos + i] = (float) v;
                    case FLOAT64 -> ((double[]) dst)[pos + i] = v;
                    default -> store(dst, pos + i, (long) v, type);
                }
            } else {
                long v = src instanceof boolean[] b ? (b[i] ? 1 : 0) : Array.getLong(src, i);
                switch (type) {
                    case FLOAT32 -> ((float[]) dst)[pos + i] = v;
                    case FLOAT64 -> ((double[]) dst)[pos + i] = v;
                    default -> store(dst, pos + i, v, type);
                }
            }
        }
    }

    private static void store(Object dst, int i, long v, LeafType type) {
        switch (type) {
            case BOOL -> ((boolean[]) dst)[i] = v != 0;
            case INT8, UINT8 -> ((byte[]) dst)[i] = (byte) v;
            case INT16, UINT16 -> ((short[]) dst)[i] = (short) v;
            case INT32, UINT32 -> ((int[]) dst)[i] = (int) v;
            default -> ((long[]) dst)[i] = v;
        }
    }
}
