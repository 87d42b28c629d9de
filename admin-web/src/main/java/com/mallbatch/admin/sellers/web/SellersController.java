package com.mallbatch.admin.sellers.web;

import com.mallbatch.admin.infrastructure.web.charts.ChartLabels;
import com.mallbatch.admin.infrastructure.web.charts.LineChart;
import com.mallbatch.admin.infrastructure.web.charts.YScale;
import com.mallbatch.admin.sellers.SellerQueries;
import com.mallbatch.jobs.support.BusinessDate;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Sellers with their match rates and open breaks; a seller's stock and order match over the last 30 days. */
@Controller
class SellersController {

    static final String VIEW_LIST = "sellers/list";
    static final String VIEW_SELLER = "sellers/seller";
    static final int DAYS = 30;

    private final SellerQueries queries;
    private final ChartLabels labels;
    private final Clock clock;

    SellersController(SellerQueries queries, MessageSource messages, Clock clock) {
        this.queries = queries;
        this.labels = new ChartLabels(messages);
        this.clock = clock;
    }

    @GetMapping("/sellers")
    String list(Model model) {
        model.addAttribute("sellers", queries.sellers());
        return VIEW_LIST;
    }

    @GetMapping("/sellers/{tenant}")
    String seller(@PathVariable String tenant, Model model) {
        LocalDate last = LocalDate.now(clock.withZone(BusinessDate.SEOUL));
        List<LocalDate> days = last.minusDays(DAYS - 1).datesUntil(last.plusDays(1)).toList();
        SellerQueries.History history = queries.history(tenant, days.get(0), last)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("history", history);
        model.addAttribute("stockChart", LineChart.svg(labels.of("sellers.chart.stock", new Object[]{history.name()},
                "sellers.unit.percent", "sellers.chart.noData"), days, List.of(new LineChart.Series(history.name(), history.stockMatch())),
                YScale.percent()));
        model.addAttribute("orderChart", LineChart.svg(labels.of("sellers.chart.order", new Object[]{history.name()},
                "sellers.unit.percent", "sellers.chart.noData"), days, List.of(new LineChart.Series(history.name(), history.orderMatch())),
                YScale.percent()));
        return VIEW_SELLER;
    }
}
