package pocket.remote;

/** How to retry a dropped connection: the first wait, the longest wait (doubling in between) and how many tries. */
record Backoff(long firstMillis, long maxMillis, int attempts) {
    public Backoff {
        if (firstMillis < 0 || maxMillis < firstMillis || attempts < 1)
            throw new IllegalArgumentException("remote: bad reconnection backoff " + firstMillis + "ms.." + maxMillis + "ms x" + attempts);
    }

    public static final Backoff DEFAULT = new Backoff(1000, 30_000, 8);

    public long delay(int attempt) {
        long d = firstMillis << Math.min(attempt, 20);
        return Math.min(d, maxMillis);
    }
}
