package com.mallbatch.admin.infrastructure.web.charts;

import java.util.ArrayList;
import java.util.List;

/** The value axis of a chart: from {@code min} to {@code max}, a tick every {@code step}. */
public record YScale(double min, double max, double step) {

    private static final int TICKS = 4;

    public YScale {
        if (!(max > min) || !(step > 0)) {
            throw new IllegalArgumentException("a scale needs max > min and a positive step: " + min + ".." + max + "/" + step);
        }
    }

    /** Percentages: 0 to 100, a tick every 25. */
    public static YScale percent() {
        return new YScale(0, 100, 25);
    }

    /**
     * From 0 to a round number at or above {@code largest}, with about four ticks of 1, 2 or 5 times a power of ten
     * (7 → 0..8 by 2; 123 → 0..150 by 50); nothing to show (0 or less) → 0..1.
     */
    public static YScale upTo(double largest) {
        double top = largest > 0 ? largest : 1;
        double raw = top / TICKS;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude * 10;
        for (double factor : new double[]{1, 2, 5}) {
            if (magnitude * factor >= raw) {
                step = magnitude * factor;
                break;
            }
        }
        return new YScale(0, Math.ceil(top / step - 1e-9) * step, step);
    }

    /** Where {@code value} falls between min (0) and max (1), clamped. */
    double fraction(double value) {
        return Math.max(0, Math.min(1, (value - min) / (max - min)));
    }

    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; min + i * step <= max + step * 1e-9; i++) {
            ticks.add(min + i * step);
        }
        return ticks;
    }
}
