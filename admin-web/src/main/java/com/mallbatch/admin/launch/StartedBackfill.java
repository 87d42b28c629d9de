package com.mallbatch.admin.launch;

import com.mallbatch.jobs.launch.Backfill;
import com.mallbatch.jobs.launch.BackfillProgress;

import java.time.Instant;

/** A backfill this instance started: what was asked, by whom, and where each of its dates stands. */
public record StartedBackfill(long id, Backfill.Plan plan, BackfillProgress progress, String user, Instant startedAt) {
}
