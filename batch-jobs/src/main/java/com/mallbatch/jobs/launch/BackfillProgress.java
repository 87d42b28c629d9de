package com.mallbatch.jobs.launch;

import org.springframework.batch.core.job.JobExecution;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where each date of a backfill stands, as its launches move it; read by a status page or a log while it runs. */
public final class BackfillProgress {

    public enum State { WAITING, RUNNING, ENDED, REFUSED, NOT_STARTED }

    /** One date: its state, and once it ended its execution and Batch status, or why it did not start. */
    public record DateRun(LocalDate date, State state, Long executionId, String status, String message) {
    }

    private final Map<LocalDate, DateRun> runs = new LinkedHashMap<>();

    public BackfillProgress(List<LocalDate> dates) {
        dates.forEach(date -> runs.put(date, new DateRun(date, State.WAITING, null, null, null)));
    }

    synchronized void started(LocalDate date) {
        runs.put(date, new DateRun(date, State.RUNNING, null, null, null));
    }

    synchronized void ended(LocalDate date, JobExecution execution) {
        runs.put(date, new DateRun(date, State.ENDED, execution.getId(), execution.getStatus().name(), null));
    }

    synchronized void refused(LocalDate date, String why) {
        runs.put(date, new DateRun(date, State.REFUSED, null, null, why));
    }

    synchronized void notStarted(LocalDate date, String why) {
        runs.put(date, new DateRun(date, State.NOT_STARTED, null, null, why));
    }

    synchronized State state(LocalDate date) {
        return runs.get(date).state();
    }

    /** The dates oldest first. */
    public synchronized List<DateRun> dates() {
        return new ArrayList<>(runs.values());
    }

    public synchronized boolean finished() {
        return runs.values().stream().noneMatch(run -> run.state() == State.WAITING || run.state() == State.RUNNING);
    }

    /** Whether every date ended COMPLETED. */
    public synchronized boolean allCompleted() {
        return runs.values().stream().allMatch(run -> "COMPLETED".equals(run.status()));
    }
}
