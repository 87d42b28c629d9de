package com.mallbatch.admin.schedules;

import com.mallbatch.scheduling.ScheduleCatalog;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The schedules page's reads: each cron with its next fire and the scheduler's newest launch of its job (from
 * {@code job_launches}), and the ShedLock rows with whether each lock is held now by the database's clock — the
 * clock ShedLock itself judges by.
 */
@Service
public class ScheduleQueries {

    /** A ShedLock row; times as ShedLock writes them (UTC, from the database). */
    public record LockRow(String name, String lockedBy, LocalDateTime lockedAt, LocalDateTime lockUntil, boolean held) {
    }

    private final ScheduleCatalog catalog;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ScheduleQueries(Environment environment, JdbcTemplate jdbc, Clock clock) {
        this.catalog = new ScheduleCatalog(environment);
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public ScheduleCatalog catalog() {
        return catalog;
    }

    public List<CronRow> crons() {
        return catalog.crons().stream().map(cron -> CronRow.of(cron, clock, lastLaunch(cron))).toList();
    }

    public List<LockRow> locks() {
        return jdbc.query("SELECT name, locked_by, locked_at, lock_until, lock_until > UTC_TIMESTAMP(3) AS held "
                        + "FROM shedlock ORDER BY name",
                (rs, row) -> new LockRow(rs.getString("name"), rs.getString("locked_by"),
                        rs.getObject("locked_at", LocalDateTime.class), rs.getObject("lock_until", LocalDateTime.class),
                        rs.getBoolean("held")));
    }

    /** The scheduler's newest launch of the cron's job (of its checks, when it runs only some). */
    private Optional<CronRow.LastLaunch> lastLaunch(ScheduleCatalog.Cron cron) {
        return jdbc.query("SELECT launched_at, job_execution_id, parameters, outcome FROM job_launches "
                        + "WHERE job_name = ? AND launched_by = ? AND (? IS NULL OR parameters LIKE CONCAT('%', ?, '%')) "
                        + "ORDER BY id DESC LIMIT 1",
                (rs, row) -> new CronRow.LastLaunch(rs.getObject("launched_at", LocalDateTime.class),
                        (Long) rs.getObject("job_execution_id", Long.class), rs.getString("parameters"),
                        rs.getString("outcome")),
                cron.job(), ScheduleCatalog.LAUNCHED_BY, cron.checks(), cron.checks()).stream().findFirst();
    }
}
