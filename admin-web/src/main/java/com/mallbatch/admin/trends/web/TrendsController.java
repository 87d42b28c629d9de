package com.mallbatch.admin.trends.web;

import com.mallbatch.admin.infrastructure.web.charts.ChartLabels;
import com.mallbatch.admin.infrastructure.web.charts.LineChart;
import com.mallbatch.admin.infrastructure.web.charts.YScale;
import com.mallbatch.admin.trends.TrendQueries;
import com.mallbatch.jobs.support.BusinessDate;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Run duration per night and job, and rows collected per mall and day, over the last 30 business dates. */
@Controller
class TrendsController {

    static final String VIEW_TRENDS = "trends/trends";
    static final int DAYS = 30;

    private final TrendQueries queries;
    private final ChartLabels labels;
    private final Clock clock;

    TrendsController(TrendQueries queries, MessageSource messages, Clock clock) {
        this.queries = queries;
        this.labels = new ChartLabels(messages);
        this.clock = clock;
    }

    @GetMapping("/runs/trends")
    String trends(@RequestParam(required = false) String tenant, Model model) {
        String tenantFilter = tenant == null || tenant.isBlank() ? null : tenant;
        LocalDate last = LocalDate.now(clock.withZone(BusinessDate.SEOUL));
        List<LocalDate> days = last.minusDays(DAYS - 1).datesUntil(last.plusDays(1)).toList();
        List<LineChart.Series> durations = queries.durationMinutes(days.get(0), last);
        List<LineChart.Series> rows = queries.rowsWritten(days.get(0), last, tenantFilter);
        model.addAttribute("durations", durations);
        model.addAttribute("rows", rows);
        model.addAttribute("durationChart", LineChart.svg(labels.of("trends.chart.duration", null,
                "trends.unit.minutes", "trends.chart.noData"), days, durations, YScale.upTo(largest(durations))));
        model.addAttribute("rowsChart", LineChart.svg(labels.of(tenantFilter == null ? "trends.chart.rowsPerPlatform"
                        : "trends.chart.rowsPerAccount", new Object[]{tenantFilter}, "trends.unit.rows", "trends.chart.noData"),
                days, rows, YScale.upTo(largest(rows))));
        model.addAttribute("tenants", queries.tenants());
        model.addAttribute("tenant", tenantFilter);
        return VIEW_TRENDS;
    }

    private static double largest(List<LineChart.Series> series) {
        return series.stream().flatMap(s -> s.points().stream()).mapToDouble(LineChart.Point::value).max().orElse(0);
    }
}
