package com.mallbatch.jobs.reconcile.checks;

/**
 * The Wilson score interval of a proportion at 95%: how sure {@code successes} of {@code trials} makes us of the true
 * rate. Unlike the plain share it stays honest for small samples and for 0% or 100% (30 of 30 right gives a lower bound
 * of about 88.6%, not 100%).
 */
record WilsonInterval(double lower, double upper) {

    private static final double Z = 1.959964;

    static WilsonInterval of(long successes, long trials) {
        if (trials == 0) {
            return new WilsonInterval(0, 1);
        }
        double n = trials;
        double p = successes / n;
        double z2 = Z * Z;
        double centre = p + z2 / (2 * n);
        double margin = Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        double denominator = 1 + z2 / n;
        return new WilsonInterval(Math.max(0, (centre - margin) / denominator), Math.min(1, (centre + margin) / denominator));
    }
}
