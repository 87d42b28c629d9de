package com.mallbatch.admin.schedules.web;

import com.mallbatch.admin.schedules.ScheduleQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The scheduler's crons with their next and last fire, and who holds each ShedLock lock until when (read only). */
@Controller
class SchedulesController {

    static final String VIEW_LIST = "schedules/list";

    private final ScheduleQueries queries;

    SchedulesController(ScheduleQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/schedules")
    String list(Model model) {
        model.addAttribute("crons", queries.crons());
        model.addAttribute("locks", queries.locks());
        model.addAttribute("catchUpDays", queries.catalog().catchUpDays());
        model.addAttribute("schedulerHere", queries.catalog().enabledHere());
        return VIEW_LIST;
    }
}
