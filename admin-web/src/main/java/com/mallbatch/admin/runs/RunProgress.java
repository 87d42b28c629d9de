package com.mallbatch.admin.runs;

import org.springframework.batch.core.BatchStatus;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A running execution's progress as people read it: items read and written, the read rate, and for a per-account job
 * (collect, reconcile) the accounts done of the accounts it runs, an estimate of the time left from those, and what
 * each running account is at. Computed from two snapshots of the job repository: now, and a few seconds ago (for the
 * rate).
 */
public record RunProgress(long executionId, BatchStatus status, long read, long written, Double itemsPerSecond,
                          int accountsDone, int accountsTotal, Duration timeLeft, List<AccountProgress> running,
                          int runningNotShown) {

    /** At most this many running accounts are listed. */
    static final int SHOWN = 12;

    public record AccountProgress(String account, String stage, long read, long written) {
    }

    /** One row of BATCH_STEP_EXECUTION. */
    public record StepRow(String name, BatchStatus status, long read, long written, LocalDateTime start,
                          LocalDateTime end) {
    }

    /** What the job repository says about an execution at {@code takenAt}: one query. */
    public record Snapshot(long executionId, String jobName, BatchStatus status, LocalDateTime start,
                           List<StepRow> steps, LocalDateTime takenAt) {
    }

    public boolean ended() {
        return !status.isRunning();
    }

    public boolean knowsTotal() {
        return accountsTotal > 0;
    }

    /** @param earlier a snapshot of the same execution a few seconds before, or null (then the rate is the run's average) */
    public static RunProgress of(Snapshot now, Snapshot earlier) {
        String partitionStep = RunDetails.ACCOUNT_STEPS.get(now.jobName());
        Accounts accounts = partitionStep == null ? null : new Accounts(now, partitionStep);
        long[] counts = counts(now, partitionStep, accounts);
        Double rate = null;
        if (earlier != null && Duration.between(earlier.takenAt(), now.takenAt()).toMillis() >= 1000) {
            long readBefore = counts(earlier, partitionStep,
                    partitionStep == null ? null : new Accounts(earlier, partitionStep))[0];
            rate = perSecond(counts[0] - readBefore, Duration.between(earlier.takenAt(), now.takenAt()));
        } else if (now.start() != null) {
            rate = perSecond(counts[0], Duration.between(now.start(), now.takenAt()));
        }
        if (accounts == null) {
            return new RunProgress(now.executionId(), now.status(), counts[0], counts[1], rate, 0, 0, null, List.of(), 0);
        }
        int total = accounts.partitions.size();
        int done = (int) accounts.partitions.values().stream().filter(p -> p.end() != null).count();
        Duration left = null;
        if (done > 0 && done < total && now.start() != null) {
            left = Duration.between(now.start(), now.takenAt()).multipliedBy(total - done).dividedBy(done);
        }
        List<AccountProgress> running = accounts.partitions.entrySet().stream()
                .filter(p -> p.getValue().start() != null && p.getValue().end() == null)
                .map(p -> accounts.progress(p.getKey())).sorted(Comparator.comparing(AccountProgress::account)).toList();
        return new RunProgress(now.executionId(), now.status(), counts[0], counts[1], rate, done, total, left,
                running.stream().limit(SHOWN).toList(), Math.max(0, running.size() - SHOWN));
    }

    /**
     * Read and written: for a per-account job, what its accounts' stage steps counted (a partition without stages
     * counts itself; the manager step is left out, it adds its partitions' counts up only at its end); otherwise every
     * step's.
     */
    private static long[] counts(Snapshot snapshot, String partitionStep, Accounts accounts) {
        List<StepRow> counted = partitionStep == null ? snapshot.steps()
                : accounts.partitions.keySet().stream().flatMap(a -> accounts.counted(a).stream()).toList();
        return new long[]{counted.stream().mapToLong(StepRow::read).sum(),
                counted.stream().mapToLong(StepRow::written).sum()};
    }

    /** A per-account run's steps by account: its partition ({@code collectAccount:acme/…}) and its stages. */
    private static final class Accounts {

        final Map<String, StepRow> partitions = new TreeMap<>();
        final Map<String, List<StepRow>> stages = new HashMap<>();
        final String partitionStep;

        Accounts(Snapshot snapshot, String partitionStep) {
            this.partitionStep = partitionStep;
            for (StepRow step : snapshot.steps()) {
                int colon = step.name().indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String account = step.name().substring(colon + 1);
                if (step.name().startsWith(partitionStep + ":")) {
                    partitions.put(account, step);
                } else {
                    stages.computeIfAbsent(account, a -> new ArrayList<>()).add(step);
                }
            }
        }

        List<StepRow> counted(String account) {
            List<StepRow> ofAccount = stages.getOrDefault(account, List.of());
            return ofAccount.isEmpty() ? List.of(partitions.get(account)) : ofAccount;
        }

        AccountProgress progress(String account) {
            List<StepRow> counted = counted(account);
            String stage = stages.getOrDefault(account, List.of()).stream().filter(s -> s.start() != null)
                    .max(Comparator.comparing(StepRow::start)).map(s -> s.name().substring(0, s.name().indexOf(':')))
                    .orElse(partitionStep);
            return new AccountProgress(account, stage, counted.stream().mapToLong(StepRow::read).sum(),
                    counted.stream().mapToLong(StepRow::written).sum());
        }
    }

    private static Double perSecond(long items, Duration over) {
        return over.toMillis() <= 0 ? null : items * 1000.0 / over.toMillis();
    }
}
