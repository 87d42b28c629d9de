package com.mallbatch.admin.launch;

import com.mallbatch.admin.infrastructure.audit.AdminAudit;
import com.mallbatch.jobs.launch.Backfill;
import com.mallbatch.jobs.launch.BackfillProgress;
import com.mallbatch.jobs.launch.BackfillRefusedException;
import com.mallbatch.jobs.launch.LaunchRefusedException;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The launch form's use case: a {@link Backfill} (one date or a range), checked whole before anything starts, then run
 * in the background on a bounded pool ({@code mallbatch.launch.backfill.max-running} at once; one more is refused, not
 * queued), audited when asked, refused and ended. The backfills this instance started are kept (the newest
 * {@value #KEPT}) for their status page; the runs themselves are in Spring Batch's tables and {@code job_launches}.
 */
@Service
public class Backfills {

    static final int KEPT = 50;
    private static final Logger log = LoggerFactory.getLogger(Backfills.class);

    private final Backfill backfill;
    private final JobRepository jobRepository;
    private final AdminAudit audit;
    private final Clock clock;
    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    private final Map<Long, StartedBackfill> started = new ConcurrentSkipListMap<>();
    private final AtomicLong ids = new AtomicLong();

    public Backfills(Backfill backfill, JobRepository jobRepository, AdminAudit audit, Clock clock) {
        this.backfill = backfill;
        this.jobRepository = jobRepository;
        this.audit = audit;
        this.clock = clock;
        executor.setThreadNamePrefix("admin-backfill-");
        executor.setCorePoolSize(backfill.properties().maxRunning());
        executor.setMaxPoolSize(backfill.properties().maxRunning());
        executor.setQueueCapacity(0);
        executor.initialize();
    }

    /**
     * Checks the request and starts it in the background.
     *
     * @return the started backfill, to follow on its status page
     * @throws BackfillRefusedException when anything is wrong with it (nothing started)
     * @throws LaunchRefusedException   when as many backfills as allowed are running already
     */
    @PreAuthorize("hasRole('OPS')")
    public StartedBackfill start(Backfill.Request request, String user) {
        Backfill.Plan plan;
        try {
            plan = backfill.plan(request);
        } catch (BackfillRefusedException e) {
            audit.record(user, "launch", request.job(), request.from() + ".." + request.to(), "refused: " + e.getMessage());
            throw e;
        }
        StartedBackfill run = new StartedBackfill(ids.incrementAndGet(), plan, new BackfillProgress(plan.dates()), user,
                clock.instant());
        try {
            executor.execute(() -> runToTheEnd(run));
        } catch (TaskRejectedException e) {
            String why = backfill.properties().maxRunning() + " backfill(s) are running already; start this one when "
                    + "one has ended";
            audit.record(user, "launch", plan.job(), plan.describe(), "refused: " + why);
            throw new LaunchRefusedException(why, e);
        }
        started.put(run.id(), run);
        started.keySet().stream().limit(Math.max(0, started.size() - KEPT)).toList().forEach(started::remove);
        audit.record(user, "launch", plan.job(), plan.describe(), "started backfill " + run.id());
        return run;
    }

    public Optional<StartedBackfill> find(long id) {
        return Optional.ofNullable(started.get(id));
    }

    /** Newest first. */
    public List<StartedBackfill> recent() {
        return started.values().stream().sorted((a, b) -> Long.compare(b.id(), a.id())).toList();
    }

    /** The execution of a date that is running now (its id is known to Batch before the launch returns). */
    public Optional<Long> runningExecution(StartedBackfill run, LocalDate date) {
        JobExecution last = jobRepository.getLastJobExecution(run.plan().job(), run.plan().parameters(date));
        return Optional.ofNullable(last).filter(JobExecution::isRunning).map(JobExecution::getId);
    }

    private void runToTheEnd(StartedBackfill run) {
        try {
            backfill.run(run.plan(), run.user(), run.progress());
        } catch (RuntimeException e) {
            log.error("Backfill {} ({}) stopped: {}", run.id(), run.plan().describe(), e.getMessage(), e);
        }
        List<String> outcomes = run.progress().dates().stream().map(date -> date.date() + " "
                + (date.status() != null ? date.status() : date.state())).toList();
        audit.record(run.user(), "launch", run.plan().job(), run.plan().describe(), "backfill " + run.id() + " ended: "
                + String.join(", ", outcomes));
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }
}
