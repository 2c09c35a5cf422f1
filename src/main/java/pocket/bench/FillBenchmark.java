package pocket.bench;

import pocket.hist.*;

import java.util.Random;

/**
 * Prints fill rates (values per second) for the common shapes: 1-d regular from double[] and float[],
 * weighted, and PocketCoffea's cat × variation × variable with scalar categories.
 * Run: {@code java -cp target/classes:... pocket.bench.FillBenchmark [N]} (default 10 000 000).
 */
public final class FillBenchmark {
    private FillBenchmark() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        Random r = new Random(1);
        double[] x = new double[n];
        float[] xf = new float[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) { x[i] = r.nextDouble() * 250 - 10; xf[i] = (float) x[i]; w[i] = 0.5 + r.nextDouble(); }
        double[] edges = new double[31];
        for (int i = 0; i < edges.length; i++) edges[i] = i * i * 0.25;
        run("reg(50) double[]   int storage", n, () -> { Hist h = Hist.builder().reg(50, 0, 200, "x").intStorage(); h.fill(x); return h; });
        run("reg(50) float[]    weight     ", n, () -> { Hist h = Hist.builder().reg(50, 0, 200, "x").weight(); h.fill(xf, w); return h; });
        run("cat×var×var(30)    weight     ", n, () -> {
            Hist h = Hist.builder().strCat("cat", "cat", "baseline").strCat("variation", "variation", "nominal")
                    .var(edges, "x", "x").weight();
            h.fill(new Object[]{"baseline", "nominal", x}, w);
            return h;
        });
    }

    private static void run(String what, int n, java.util.function.Supplier<Hist> fill) {
        double best = Double.MAX_VALUE;
        double sum = 0;
        for (int rep = 0; rep < 7; rep++) {
            long t0 = System.nanoTime();
            Hist h = fill.get();
            double s = (System.nanoTime() - t0) / 1e9;
            sum += h.sum(true);
            if (rep >= 2) best = Math.min(best, s);
        }
        System.out.printf("%s  %,d values in %6.1f ms  = %6.0f M values/s   (check %.0f)%n", what, n, best * 1e3, n / best / 1e6, sum);
    }
}
