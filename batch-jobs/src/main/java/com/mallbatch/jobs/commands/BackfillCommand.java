package com.mallbatch.jobs.commands;

import com.mallbatch.jobs.launch.AccountSelection;
import com.mallbatch.jobs.launch.Backfill;
import com.mallbatch.jobs.launch.BackfillProgress;
import com.mallbatch.jobs.launch.LaunchProblem;
import com.mallbatch.jobs.launch.BackfillRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code --mallbatch.command=backfill job=collectJob from=2026-11-01 to=2026-11-07 [tenant=acme]
 * [accounts=acme/CAFE24/a+acme/CAFE24/b] [concurrency=2] [by=name]}: the job for each date, oldest first, a few at a
 * time, through {@link Backfill} (the admin web's launch form does the same). Refused as a whole, before anything
 * starts, when any date already completed or anything else is wrong.
 */
@Component
public class BackfillCommand implements CommandLineCommand {

    private static final Logger log = LoggerFactory.getLogger(BackfillCommand.class);

    private final Backfill backfill;

    public BackfillCommand(Backfill backfill) {
        this.backfill = backfill;
    }

    @Override
    public String name() {
        return "backfill";
    }

    @Override
    public String usage() {
        return "job=collectJob|reconcileJob from=YYYY-MM-DD [to=YYYY-MM-DD] [tenant=key] [accounts=label+label] "
                + "[concurrency=N] [by=who]: run the job for each date, oldest first, N at a time";
    }

    @Override
    public void run(Map<String, String> arguments) {
        String job = Arguments.required(arguments, "job", "the job to run for each date");
        String accounts = arguments.get("accounts");
        Backfill.Plan plan;
        try {
            plan = backfill.plan(new Backfill.Request(job, date(arguments, "from"), date(arguments, "to"),
                    AccountSelection.parse(arguments.get("tenant"), accounts),
                    concurrency(arguments)));
        } catch (BackfillRefusedException e) {
            throw new IllegalArgumentException("refused, nothing started: " + e.problems().stream()
                    .map(LaunchProblem::message).collect(Collectors.joining("; ")));
        }
        BackfillProgress progress = new BackfillProgress(plan.dates());
        log.info("Backfill {} starting", plan.describe());
        backfill.run(plan, arguments.getOrDefault("by", "cli"), progress);
        List<String> unfinished = progress.dates().stream().filter(run -> !"COMPLETED".equals(run.status()))
                .map(run -> run.date() + " " + (run.status() != null ? run.status() : run.state() + ": " + run.message()))
                .toList();
        if (!unfinished.isEmpty()) {
            throw new Unfinished("backfill " + plan.describe() + ": " + unfinished.size() + " date(s) did not complete ("
                    + String.join("; ", unfinished) + "); run each again with --spring.batch.job.name=" + job
                    + " businessDate=… (and the same tenant/accounts): a failed date restarts where it stopped");
        }
        log.info("Backfill {}: every date COMPLETED", plan.describe());
    }

    private static LocalDate date(Map<String, String> arguments, String name) {
        String value = arguments.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a date like 2026-11-20, got '" + value + "'");
        }
    }

    private static Integer concurrency(Map<String, String> arguments) {
        String value = arguments.get("concurrency");
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("concurrency must be a whole number, got '" + value + "'");
        }
    }
}
