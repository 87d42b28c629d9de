package com.mallbatch.jobs.reconcile.checks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A robust z-score of a value against a history of weighted points: (value − weighted median) / scale, where scale is
 * 1.4826 × the weighted median absolute deviation (the normal-consistent MAD), floored at √median and 1 so that a
 * perfectly steady history does not make every small wiggle infinite (counts vary by about their square root).
 */
final class WeightedRobustScore {

    record Point(double value, double weight) {
    }

    private final double median;
    private final double scale;

    WeightedRobustScore(List<Point> history) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("no history");
        }
        this.median = weightedMedian(history);
        List<Point> deviations = new ArrayList<>(history.size());
        for (Point p : history) {
            deviations.add(new Point(Math.abs(p.value() - median), p.weight()));
        }
        double mad = weightedMedian(deviations);
        this.scale = Math.max(1.4826 * mad, Math.max(1, Math.sqrt(Math.abs(median))));
    }

    double median() {
        return median;
    }

    double scale() {
        return scale;
    }

    double z(double value) {
        return (value - median) / scale;
    }

    /** The smallest value whose cumulative weight reaches half the total (the lower weighted median). */
    static double weightedMedian(List<Point> points) {
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(Point::value));
        double total = sorted.stream().mapToDouble(Point::weight).sum();
        double cumulative = 0;
        for (Point p : sorted) {
            cumulative += p.weight();
            if (cumulative >= total / 2) {
                return p.value();
            }
        }
        return sorted.get(sorted.size() - 1).value();
    }
}
