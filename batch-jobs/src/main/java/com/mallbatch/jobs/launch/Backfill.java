package com.mallbatch.jobs.launch;

import com.mallbatch.domain.port.MallAccounts;
import com.mallbatch.jobs.support.BusinessDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;

/**
 * A daily job over a range of business dates — one date is a range of one — for the command line and the admin web
 * alike. {@link #plan} checks everything before anything starts: the job, the dates (ended days only, from ≤ to, at most
 * {@code max-days}), how many at a time, the tenant and accounts, each date's parameters against the job's validator,
 * and that no date already completed. {@link #run} then launches the dates oldest first, at most {@code concurrency}
 * at a time, each through the {@link JobLaunchService} (so each is locked, recorded in {@code job_launches} with who
 * launched it, and restarts where it stopped if it had failed).
 */
public final class Backfill {

    private static final Logger log = LoggerFactory.getLogger(Backfill.class);

    /** What a person asked for; {@code to} null: the one date {@code from}; {@code concurrency} null: the default. */
    public record Request(String job, LocalDate from, LocalDate to, AccountSelection selection, Integer concurrency) {
    }

    /** A checked backfill: its dates oldest first, and the identifying parameters of each. */
    public record Plan(String job, List<LocalDate> dates, AccountSelection selection, int concurrency) {

        public Plan {
            dates = List.copyOf(dates);
        }

        public JobParameters parameters(LocalDate date) {
            return selection.addTo(new JobParametersBuilder().addString(BusinessDate.PARAMETER, date.toString()))
                    .toJobParameters();
        }

        /** e.g. {@code collectJob 2026-11-18..2026-11-20 tenant=acme, 2 at a time}. */
        public String describe() {
            String range = dates.size() == 1 ? dates.get(0).toString() : dates.get(0) + ".." + dates.get(dates.size() - 1);
            String accounts = (selection.tenant() == null ? "" : " tenant=" + selection.tenant())
                    + (selection.accounts().isEmpty() ? "" : " accounts=" + String.join("+", selection.accounts()));
            return job + " " + range + accounts + ", " + concurrency + " at a time";
        }
    }

    /** How often {@link #run} looks whether a date's execution exists yet. */
    private static final Duration CREATED_POLL = Duration.ofMillis(50);

    private final JobLaunchService launcher;
    private final JobRepository jobRepository;
    private final MallAccounts accounts;
    private final BackfillProperties properties;
    private final Clock clock;

    public Backfill(JobLaunchService launcher, JobRepository jobRepository, MallAccounts accounts,
                    BackfillProperties properties, Clock clock) {
        this.launcher = launcher;
        this.jobRepository = jobRepository;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    public BackfillProperties properties() {
        return properties;
    }

    /**
     * Checks the request; nothing is started or recorded.
     *
     * @throws BackfillRefusedException with every problem found, one per field (and per completed date)
     */
    public Plan plan(Request request) {
        List<LaunchProblem> problems = new ArrayList<>();
        String job = request.job();
        if (job == null || !launcher.jobNames().contains(job)) {
            problems.add(LaunchProblem.of("job", "job.unknown", "unknown job '" + job + "'; the jobs are "
                    + dailyJobs(), String.valueOf(job), String.join(", ", dailyJobs())));
        } else if (!BusinessDate.DAILY_JOBS.contains(job)) {
            problems.add(LaunchProblem.of("job", "job.notDaily", job + " does not run for a business date; the jobs that "
                    + "do are " + dailyJobs(), job, String.join(", ", dailyJobs())));
        }
        List<LocalDate> dates = dates(request, problems);
        int concurrency = request.concurrency() == null ? properties.defaultConcurrency() : request.concurrency();
        if (concurrency < 1 || concurrency > properties.maxConcurrency()) {
            problems.add(LaunchProblem.of("concurrency", "concurrency.range", "at a time must be between 1 and "
                    + properties.maxConcurrency() + ", got " + concurrency, properties.maxConcurrency()));
        }
        AccountSelection selection = request.selection() == null ? AccountSelection.ALL : request.selection();
        problems.addAll(selection.problems(accounts.enabled()));
        if (!problems.isEmpty()) {
            throw new BackfillRefusedException(problems);
        }
        Plan plan = new Plan(job, dates, selection, concurrency);
        for (LocalDate date : dates) { // the job's own rules, and the dates that are done, before the first starts
            JobParameters parameters = plan.parameters(date);
            launcher.parameterProblem(job, parameters).ifPresent(why ->
                    problems.add(LaunchProblem.of("job", "job.parameters", job + ": " + why, job, why)));
            if (launcher.completed(job, parameters)) {
                problems.add(LaunchProblem.of(null, "date.completed", job + " " + JobLaunchService.describe(parameters)
                        + " already completed; leave that date out", job, date.toString()));
            }
        }
        if (!problems.isEmpty()) {
            throw new BackfillRefusedException(problems.stream().distinct().toList());
        }
        return plan;
    }

    /**
     * Launches the plan's dates oldest first, at most {@code concurrency} at a time, and returns when each has ended
     * (or, when this thread is interrupted, marks the dates not yet started and returns). The next date is launched
     * only once the previous one's execution exists: so they start in order, and two job instances are never created
     * at the same moment (Batch creates them SERIALIZABLE; MySQL and MariaDB answer two at once with a deadlock).
     */
    public void run(Plan plan, String launchedBy, BackfillProgress progress) {
        Semaphore slots = new Semaphore(plan.concurrency());
        CountDownLatch ended = new CountDownLatch(plan.dates().size());
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("backfill-");
        List<LocalDate> dates = plan.dates();
        for (int i = 0; i < dates.size(); i++) {
            LocalDate date = dates.get(i);
            try {
                slots.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                interrupted(dates.subList(i, dates.size()), progress, ended);
                break;
            }
            progress.started(date);
            Long previous = executionId(plan, date);
            threads.execute(() -> {
                try {
                    launchOne(plan, date, launchedBy, progress);
                } finally {
                    slots.release();
                    ended.countDown();
                }
            });
            if (!awaitExecution(plan, date, previous, progress)) {
                Thread.currentThread().interrupt();
                interrupted(dates.subList(i + 1, dates.size()), progress, ended);
                break;
            }
        }
        try {
            ended.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void interrupted(List<LocalDate> notStarted, BackfillProgress progress, CountDownLatch ended) {
        notStarted.forEach(date -> {
            progress.notStarted(date, "the backfill was interrupted before this date started");
            ended.countDown();
        });
    }

    /** Waits until the date has a new execution or its launch has ended; false when interrupted meanwhile. */
    private boolean awaitExecution(Plan plan, LocalDate date, Long previous, BackfillProgress progress) {
        while (progress.state(date) == BackfillProgress.State.RUNNING) {
            Long current = executionId(plan, date);
            if (current != null && !current.equals(previous)) {
                return true;
            }
            try {
                Thread.sleep(CREATED_POLL.toMillis());
            } catch (InterruptedException e) {
                return false;
            }
        }
        return true;
    }

    private Long executionId(Plan plan, LocalDate date) {
        JobExecution last = jobRepository.getLastJobExecution(plan.job(), plan.parameters(date));
        return last == null ? null : last.getId();
    }

    private void launchOne(Plan plan, LocalDate date, String launchedBy, BackfillProgress progress) {
        try {
            JobExecution execution = launcher.launch(plan.job(), plan.parameters(date), launchedBy);
            progress.ended(date, execution);
            log.info("Backfill {}: {} ended {}", plan.describe(), date, execution.getStatus());
        } catch (LaunchRefusedException e) {
            progress.refused(date, e.getMessage());
            log.warn("Backfill {}: {} did not start: {}", plan.describe(), date, e.getMessage());
        } catch (RuntimeException e) {
            progress.refused(date, FailureReport.message(e));
            log.error("Backfill {}: {} could not run: {}", plan.describe(), date, FailureReport.message(e), e);
        }
    }

    private List<LocalDate> dates(Request request, List<LaunchProblem> problems) {
        LocalDate from = request.from();
        if (from == null) {
            problems.add(LaunchProblem.of("from", "from.required", "say the business date (or the first of a range)"));
            return List.of();
        }
        LocalDate to = request.to() == null ? from : request.to();
        LocalDate lastEnded = LocalDate.now(clock.withZone(BusinessDate.SEOUL)).minusDays(1);
        int before = problems.size();
        if (from.isAfter(lastEnded)) {
            problems.add(LaunchProblem.of("from", "date.notEnded", from + " has not ended yet (Asia/Seoul); the latest "
                    + "business date is " + lastEnded, from.toString(), lastEnded.toString()));
        }
        if (to.isAfter(lastEnded) && !to.equals(from)) {
            problems.add(LaunchProblem.of("to", "date.notEnded", to + " has not ended yet (Asia/Seoul); the latest "
                    + "business date is " + lastEnded, to.toString(), lastEnded.toString()));
        }
        if (from.isAfter(to)) {
            problems.add(LaunchProblem.of("to", "to.beforeFrom", "the last date " + to + " is before the first " + from,
                    to.toString(), from.toString()));
        } else if (ChronoUnit.DAYS.between(from, to) + 1 > properties.maxDays()) {
            long days = ChronoUnit.DAYS.between(from, to) + 1;
            problems.add(LaunchProblem.of("to", "range.tooLong", from + ".." + to + " is " + days + " days; a backfill "
                    + "covers at most " + properties.maxDays(), days, properties.maxDays()));
        }
        return problems.size() > before ? List.of() : from.datesUntil(to.plusDays(1)).toList();
    }

    private List<String> dailyJobs() {
        return launcher.jobNames().stream().filter(BusinessDate.DAILY_JOBS::contains).toList();
    }
}
