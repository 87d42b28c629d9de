package com.mallbatch.admin.infrastructure.web.charts;

import org.springframework.web.util.HtmlUtils;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A line chart over consecutive days, drawn on the server as SVG: no script, nothing fetched. Accessible as an image
 * named by its title ({@code role="img"}, {@code aria-label}, {@code <title>}); every point carries a {@code <title>}
 * with its series, day and value, so a screen reader or a hovering pointer gets the figure. The words (title, unit,
 * what to say without data) come in from the caller, resolved from the message bundles.
 */
public final class LineChart {

    /** One value on one day. */
    public record Point(LocalDate day, double value) {
    }

    /** A named line. */
    public record Series(String name, List<Point> points) {
    }

    /** The chart's words: its title (its accessible name too), the unit after each value, what it says with no data. */
    public record Labels(String title, String unit, String empty) {
    }

    static final int WIDTH = 640;
    static final int PLOT_HEIGHT = 180;
    static final int LEFT = 56;
    static final int RIGHT = 16;
    static final int TOP = 12;
    static final int AXIS = 24;
    static final int LEGEND_ROW = 18;
    static final int LEGEND_PER_ROW = 3;
    /** Okabe–Ito colours, told apart by people with colour blindness. */
    static final List<String> COLOURS = List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
            "#000000");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

    private LineChart() {
    }

    /** The chart of {@code series} over {@code days} (the x axis, oldest first); points on other days are left out. */
    public static String svg(Labels labels, List<LocalDate> days, List<Series> series, YScale scale) {
        Map<LocalDate, Integer> index = new HashMap<>();
        for (int i = 0; i < days.size(); i++) {
            index.put(days.get(i), i);
        }
        int legendRows = (series.size() + LEGEND_PER_ROW - 1) / LEGEND_PER_ROW;
        int height = TOP + PLOT_HEIGHT + AXIS + legendRows * LEGEND_ROW;
        StringBuilder svg = new StringBuilder();
        String title = text(labels.title());
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"").append(title).append("\"><title>").append(title).append("</title>");
        axes(svg, days, scale, labels.unit());
        boolean anyPoint = false;
        for (int s = 0; s < series.size(); s++) {
            anyPoint |= line(svg, series.get(s), COLOURS.get(s % COLOURS.size()), index, days.size(), scale,
                    labels.unit());
        }
        if (!anyPoint) {
            svg.append("<text x=\"").append(LEFT + plotWidth() / 2).append("\" y=\"").append(TOP + PLOT_HEIGHT / 2)
                    .append("\" text-anchor=\"middle\" fill=\"#555\">").append(text(labels.empty())).append("</text>");
        }
        legend(svg, series);
        return svg.append("</svg>").toString();
    }

    static double x(int dayIndex, int dayCount) {
        return dayCount <= 1 ? LEFT + plotWidth() / 2.0 : LEFT + plotWidth() * dayIndex / (double) (dayCount - 1);
    }

    static double y(double value, YScale scale) {
        return TOP + PLOT_HEIGHT * (1 - scale.fraction(value));
    }

    private static int plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    private static void axes(StringBuilder svg, List<LocalDate> days, YScale scale, String unit) {
        for (double tick : scale.ticks()) {
            String y = number(y(tick, scale));
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(y)
                    .append("\" y2=\"").append(y).append("\" stroke=\"#d5d9e2\"/>")
                    .append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(y)
                    .append("\" text-anchor=\"end\" dominant-baseline=\"middle\" font-size=\"11\">")
                    .append(text(figure(tick) + unit)).append("</text>");
        }
        if (days.isEmpty()) {
            return;
        }
        // first, middle and last day: enough to read the axis, few enough not to overlap
        for (int i : new int[]{0, days.size() / 2, days.size() - 1}) {
            svg.append("<text x=\"").append(number(x(i, days.size()))).append("\" y=\"").append(TOP + PLOT_HEIGHT + 16)
                    .append("\" text-anchor=\"middle\" font-size=\"11\">").append(days.get(i).format(DAY)).append("</text>");
        }
    }

    /** Draws one series; whether it had a point on the axis. */
    private static boolean line(StringBuilder svg, Series series, String colour, Map<LocalDate, Integer> index,
                                int dayCount, YScale scale, String unit) {
        StringBuilder points = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        series.points().stream().filter(p -> index.containsKey(p.day()))
                .sorted((a, b) -> a.day().compareTo(b.day())).forEach(p -> {
                    String x = number(x(index.get(p.day()), dayCount));
                    String y = number(y(p.value(), scale));
                    points.append(points.isEmpty() ? "" : " ").append(x).append(',').append(y);
                    dots.append("<circle cx=\"").append(x).append("\" cy=\"").append(y).append("\" r=\"3\" fill=\"")
                            .append(colour).append("\"><title>").append(text(series.name() + " " + p.day() + ": "
                                    + figure(p.value()) + unit)).append("</title></circle>");
                });
        if (dots.isEmpty()) {
            return false;
        }
        svg.append("<g><title>").append(text(series.name())).append("</title><polyline fill=\"none\" stroke=\"")
                .append(colour).append("\" stroke-width=\"2\" points=\"").append(points).append("\"/>").append(dots)
                .append("</g>");
        return true;
    }

    private static void legend(StringBuilder svg, List<Series> series) {
        int columnWidth = plotWidth() / LEGEND_PER_ROW;
        for (int s = 0; s < series.size(); s++) {
            int x = LEFT + (s % LEGEND_PER_ROW) * columnWidth;
            int y = TOP + PLOT_HEIGHT + AXIS + (s / LEGEND_PER_ROW) * LEGEND_ROW;
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(COLOURS.get(s % COLOURS.size())).append("\"/><text x=\"").append(x + 16).append("\" y=\"")
                    .append(y + 10).append("\" font-size=\"12\">").append(text(series.get(s).name())).append("</text>");
        }
    }

    /** A coordinate. */
    static String number(double value) {
        return new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    /** A value for people: thousands grouped, one decimal at most. */
    static String figure(double value) {
        return new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    private static String text(String words) {
        return HtmlUtils.htmlEscape(words == null ? "" : words);
    }
}
