package pocket.rootio.rntuple;

/** XXH3-64 with seed 0 and the default secret: the checksum RNTuple writes after its anchor, envelopes and pages. */
final class Xxh3 {
    private static final long P32_1 = 0x9E3779B1L, P32_2 = 0x85EBCA77L, P32_3 = 0xC2B2AE3DL;
    private static final long P64_1 = 0x9E3779B185EBCA87L, P64_2 = 0xC2B2AE3D27D4EB4FL, P64_3 = 0x165667B19E3779F9L,
            P64_4 = 0x85EBCA77C2B2AE63L, P64_5 = 0x27D4EB2F165667C5L;
    private static final byte[] SECRET = bytes(
            "b8fe6c3923a44bbe7c01812cf721ad1cded46de9839097db7240a4a4b7b3671fcb79e64eccc0e578825ad07dccff7221"
            + "b8084674f743248ee03590e6813a264c3c2852bb91c300cb88d0658b1b532ea371644897a20df94e3819ef46a9deacd8"
            + "a8fa763fe39c343ff9dcbbc7c70b4f1d8a51e04bcdb45931c89f7ec9d9787364eac5ac8334d3ebc3c581a0fffa1363eb"
            + "170ddd51b7f0da49d316552629d4689e2b16be587d47a1fc8ff8b8d17ad031ce45cb3a8f95160428afd7fbcabb4b407e");
    private static final int STRIPE = 64, ACCS = 8, RATE = 8;

    private Xxh3() {}

    static long hash64(byte[] p, int off, int len) {
        if (len <= 16) {
            if (len > 8) return len9to16(p, off, len);
            if (len >= 4) return len4to8(p, off, len);
            if (len > 0) return len1to3(p, off, len);
            return xxh64Avalanche(r64(SECRET, 56) ^ r64(SECRET, 64));
        }
        if (len <= 128) return len17to128(p, off, len);
        if (len <= 240) return len129to240(p, off, len);
        return hashLong(p, off, len);
    }

    private static long len1to3(byte[] p, int off, int len) {
        int c1 = p[off] & 0xff, c2 = p[off + (len >> 1)] & 0xff, c3 = p[off + len - 1] & 0xff;
        long combined = ((c1 << 16) | (c2 << 24) | c3 | (len << 8)) & 0xffffffffL;
        long keyed = combined ^ ((r32(SECRET, 0) ^ r32(SECRET, 4)) & 0xffffffffL);
        return xxh64Avalanche(keyed);
    }

    private static long len4to8(byte[] p, int off, int len) {
        long lo = r32(p, off) & 0xffffffffL, hi = r32(p, off + len - 4) & 0xffffffffL;
        long input = hi | lo << 32;
        long keyed = input ^ (r64(SECRET, 8) ^ r64(SECRET, 16));
        return rrmxmx(keyed, len);
    }

    private static long len9to16(byte[] p, int off, int len) {
        long lo = r64(p, off) ^ (r64(SECRET, 24) ^ r64(SECRET, 32));
        long hi = r64(p, off + len - 8) ^ (r64(SECRET, 40) ^ r64(SECRET, 48));
        long acc = len + Long.reverseBytes(lo) + hi + fold(lo, hi);
        return avalanche(acc);
    }

    private static long len17to128(byte[] p, int off, int len) {
        long acc = len * P64_1;
        if (len > 32) {
            if (len > 64) {
                if (len > 96) {
                    acc += mix16(p, off + 48, 96);
                    acc += mix16(p, off + len - 64, 112);
                }
                acc += mix16(p, off + 32, 64);
                acc += mix16(p, off + len - 48, 80);
            }
            acc += mix16(p, off + 16, 32);
            acc += mix16(p, off + len - 32, 48);
        }
        acc += mix16(p, off, 0);
        acc += mix16(p, off + len - 16, 16);
        return avalanche(acc);
    }

    private static long len129to240(byte[] p, int off, int len) {
        long acc = len * P64_1;
        int rounds = len / 16;
        for (int i = 0; i < 8; i++) acc += mix16(p, off + 16 * i, 16 * i);
        acc = avalanche(acc);
        for (int i = 8; i < rounds; i++) acc += mix16(p, off + 16 * i, 16 * (i - 8) + 3);
        acc += mix16(p, off + len - 16, 136 - 17);
        return avalanche(acc);
    }

    private static long hashLong(byte[] p, int off, int len) {
        long[] acc = {P32_3, P64_1, P64_2, P64_3, P64_4, P32_2, P64_5, P32_1};
        int perBlock = (SECRET.length - STRIPE) / RATE, blockLen = STRIPE * perBlock;
        int blocks = (len - 1) / blockLen;
        for (int n = 0; n < blocks; n++) {
            for (int i = 0; i < perBlock; i++) accumulate(acc, p, off + n * blockLen + i * STRIPE, i * RATE);
            scramble(acc, SECRET.length - STRIPE);
        }
        int stripes = ((len - 1) - blockLen * blocks) / STRIPE;
        for (int i = 0; i < stripes; i++) accumulate(acc, p, off + blocks * blockLen + i * STRIPE, i * RATE);
        accumulate(acc, p, off + len - STRIPE, SECRET.length - STRIPE - 7);
        long result = len * P64_1;
        for (int i = 0; i < 4; i++) result += fold(acc[2 * i] ^ r64(SECRET, 11 + 16 * i), acc[2 * i + 1] ^ r64(SECRET, 11 + 16 * i + 8));
        return avalanche(result);
    }

    private static void accumulate(long[] acc, byte[] p, int at, int s) {
        for (int i = 0; i < ACCS; i++) {
            long v = r64(p, at + 8 * i), key = v ^ r64(SECRET, s + 8 * i);
            acc[i ^ 1] += v;
            acc[i] += (key & 0xffffffffL) * (key >>> 32);
        }
    }

    private static void scramble(long[] acc, int s) {
        for (int i = 0; i < ACCS; i++) {
            long a = acc[i];
            a ^= a >>> 47;
            a ^= r64(SECRET, s + 8 * i);
            acc[i] = a * P32_1;
        }
    }

    private static long mix16(byte[] p, int at, int s) {
        return fold(r64(p, at) ^ r64(SECRET, s), r64(p, at + 8) ^ r64(SECRET, s + 8));
    }

    /** The 128-bit product of two unsigned 64-bit numbers, high word XOR low word. */
    private static long fold(long a, long b) {
        long hi = Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
        return hi ^ (a * b);
    }

    private static long avalanche(long h) {
        h ^= h >>> 37;
        h *= 0x165667919E3779F9L;
        return h ^ (h >>> 32);
    }

    private static long xxh64Avalanche(long h) {
        h ^= h >>> 33;
        h *= P64_2;
        h ^= h >>> 29;
        h *= P64_3;
        return h ^ (h >>> 32);
    }

    private static long rrmxmx(long h, long len) {
        h ^= Long.rotateLeft(h, 49) ^ Long.rotateLeft(h, 24);
        h *= 0x9FB21C651E98DF25L;
        h ^= (h >>> 35) + len;
        h *= 0x9FB21C651E98DF25L;
        return h ^ (h >>> 28);
    }

    private static int r32(byte[] b, int p) { return LeBuffer.get32(b, p); }
    private static long r64(byte[] b, int p) { return LeBuffer.get64(b, p); }

    private static byte[] bytes(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        return out;
    }
}
