package com.mallbatch.jobs.collect;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * One line of progress while a collect runs, at most every {@code mallbatch.collect.progress-interval}: accounts
 * done and failed, rows so far, and what each running account is doing (its stage and its rows), so a long night
 * shows it is moving. Reads the running steps' in-memory counts; writes nothing.
 */
final class CollectProgress implements JobExecutionListener, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(CollectProgress.class);
    private static final int NAMED = 6;

    private final Duration interval;
    private final Map<String, StepExecution> running = new ConcurrentHashMap<>();
    private final Map<String, Long> rowsDone = new ConcurrentHashMap<>();
    private final AtomicInteger accountsDone = new AtomicInteger();
    private final AtomicInteger accountsFailed = new AtomicInteger();
    private ScheduledExecutorService timer;

    CollectProgress(Duration interval) {
        this.interval = interval;
    }

    @Override
    public synchronized void beforeJob(JobExecution job) {
        running.clear();
        rowsDone.clear();
        accountsDone.set(0);
        accountsFailed.set(0);
        if (!interval.isZero()) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "collect-progress");
                thread.setDaemon(true);
                return thread;
            });
            timer.scheduleAtFixedRate(() -> report(job), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void afterJob(JobExecution job) {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public void beforeStep(StepExecution step) {
        String account = account(step);
        if (account != null) {
            running.put(account, step);
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        String account = account(step);
        if (account != null) {
            running.remove(account);
            rowsDone.merge(account, step.getWriteCount(), Long::sum);
            if (step.getStatus() != BatchStatus.COMPLETED) {
                accountsFailed.incrementAndGet();
            } else if (step.getStepName().startsWith(CollectStages.ORDERS + ":")) {
                accountsDone.incrementAndGet();
            }
        }
        return null;
    }

    private void report(JobExecution job) {
        if (running.isEmpty()) {
            return;
        }
        long rows = rowsDone.values().stream().mapToLong(Long::longValue).sum()
                + running.values().stream().mapToLong(StepExecution::getWriteCount).sum();
        String now = running.entrySet().stream().sorted(Map.Entry.comparingByKey()).limit(NAMED)
                .map(e -> e.getKey() + " " + e.getValue().getStepName().substring(0, e.getValue().getStepName().indexOf(':'))
                        + " " + String.format("%,d", rowsDone.getOrDefault(e.getKey(), 0L) + e.getValue().getWriteCount())
                        + " rows")
                .collect(Collectors.joining("; "));
        log.info("{} {}: {} account(s) done, {} failed, {} rows so far; now: {}{}", job.getJobInstance().getJobName(),
                job.getJobParameters().getString("businessDate"), accountsDone.get(), accountsFailed.get(),
                String.format("%,d", rows), now, running.size() > NAMED ? "; and " + (running.size() - NAMED) + " more" : "");
    }

    /** The account a stage step belongs to ({@code collectOrders:acme/CAFE24/acmeshop}), or null. */
    private static String account(StepExecution step) {
        int colon = step.getStepName().indexOf(':');
        return colon < 0 ? null : step.getStepName().substring(colon + 1);
    }
}
