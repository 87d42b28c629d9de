package com.mallbatch.admin.accounts;

import com.mallbatch.domain.AccountHealth;
import com.mallbatch.domain.Platform;
import com.mallbatch.domain.port.AccountHealthStore;
import com.mallbatch.jobs.support.BusinessDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The accounts as ops reads them: who they belong to, their health (the {@code account_health} the collect keeps), how
 * old their data is and their newest collect; one account with its recent failures.
 */
@Service
public class AccountQueries {

    /** The collect's partition step of an account is named {@code collectAccount:<label>}. */
    static final String COLLECT_PARTITION = "collectAccount:";
    /** Collects older than this are not looked at for an account's runs (keeps the look-ups bounded). */
    static final int LAST_RUN_DAYS = 45;
    static final int RECENT = 20;

    /** How an account is doing, most urgent first; the list's filter. */
    public enum HealthState { DISABLED, PAUSED, FAILING, HEALTHY }

    public record Summary(long id, String tenantKey, String tenantName, Platform platform, String accountKey,
                          String label, String crawlProfile, boolean enabled, AccountHealth health, Long dataAgeDays,
                          LastRun lastRun) {

        public HealthState state() {
            if (!enabled) {
                return HealthState.DISABLED;
            }
            if (health.paused()) {
                return HealthState.PAUSED;
            }
            return health.consecutiveFailures() > 0 ? HealthState.FAILING : HealthState.HEALTHY;
        }

        Summary withLastRun(LastRun run) {
            return new Summary(id, tenantKey, tenantName, platform, accountKey, label, crawlProfile, enabled, health,
                    dataAgeDays, run);
        }
    }

    public record LastRun(long executionId, String status, LocalDateTime start) {
    }

    /** A collect of the account in the last {@link #LAST_RUN_DAYS} days that did not complete, and the first line of why. */
    public record FailedRun(long executionId, String status, LocalDateTime start, String exitLine) {
    }

    public record FetchFailure(String url, Integer httpStatus, String error, int attempt, LocalDateTime at) {
    }

    public record Details(Summary summary, String baseUrl, int rateCapacity, double rateLeakPerSecond,
                          List<FailedRun> failedRuns, List<FetchFailure> fetchFailures) {
    }

    private final JdbcTemplate jdbc;
    private final AccountHealthStore health;
    private final Clock clock;

    public AccountQueries(JdbcTemplate jdbc, AccountHealthStore health, Clock clock) {
        this.jdbc = jdbc;
        this.health = health;
        this.clock = clock;
    }

    /** @param tenant, platform, state null: any */
    public List<Summary> list(String tenant, Platform platform, HealthState state) {
        Map<Long, AccountHealth> healths = health.all().stream()
                .collect(Collectors.toMap(AccountHealth::accountId, Function.identity()));
        Map<String, LastRun> lastRuns = lastRuns();
        return jdbc.query(ACCOUNTS + "ORDER BY t.tenant_key, a.platform, a.account_key",
                        (rs, n) -> summary(rs, healths, lastRuns)).stream()
                .filter(s -> tenant == null || s.tenantKey().equals(tenant))
                .filter(s -> platform == null || s.platform() == platform)
                .filter(s -> state == null || s.state() == state)
                .toList();
    }

    public Optional<Details> account(long id) {
        List<Details> found = jdbc.query(ACCOUNTS + "WHERE a.id = ?", (rs, n) -> {
            Summary summary = summary(rs, Map.of(id, health.get(id)), Map.of());
            return new Details(summary, rs.getString("base_url"), rs.getInt("rate_capacity"),
                    rs.getDouble("rate_leak_per_second"), List.of(), List.of());
        }, id);
        return found.stream().findFirst().map(d -> {
            String step = COLLECT_PARTITION + d.summary().label();
            return new Details(d.summary().withLastRun(lastRun(step).orElse(null)), d.baseUrl(), d.rateCapacity(),
                    d.rateLeakPerSecond(), failedRuns(step), fetchFailures(id));
        });
    }

    /** The tenants that have accounts, for the filter. */
    public List<String> tenants() {
        return jdbc.queryForList("SELECT DISTINCT t.tenant_key FROM tenants t JOIN mall_accounts a ON a.tenant_id = t.id "
                + "ORDER BY t.tenant_key", String.class);
    }

    private static final String ACCOUNTS = "SELECT a.id, t.tenant_key, t.name AS tenant_name, a.platform, a.account_key, "
            + "a.base_url, a.rate_capacity, a.rate_leak_per_second, a.crawl_profile, a.enabled "
            + "FROM mall_accounts a JOIN tenants t ON t.id = a.tenant_id ";

    private Summary summary(ResultSet rs, Map<Long, AccountHealth> healths, Map<String, LastRun> lastRuns)
            throws SQLException {
        long id = rs.getLong("id");
        Platform platform = Platform.valueOf(rs.getString("platform"));
        String label = rs.getString("tenant_key") + "/" + platform + "/" + rs.getString("account_key");
        AccountHealth h = healths.getOrDefault(id, AccountHealth.none(id));
        Long age = h.lastSuccessDate() == null ? null : ChronoUnit.DAYS.between(h.lastSuccessDate(), today());
        return new Summary(id, rs.getString("tenant_key"), rs.getString("tenant_name"), platform,
                rs.getString("account_key"), label, rs.getString("crawl_profile"), rs.getBoolean("enabled"), h, age,
                lastRuns.get(label));
    }

    /**
     * The collect partitions of the last {@link #LAST_RUN_DAYS} days, found through their job executions so the
     * (JOB_EXECUTION_ID, STEP_NAME) index does the work (V11); {@code ?} is the cut-off time.
     */
    private static final String RECENT_PARTITIONS = "FROM BATCH_STEP_EXECUTION s "
            + "JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID "
            + "JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID "
            + "WHERE i.JOB_NAME = 'collectJob' AND e.CREATE_TIME >= ? ";

    /** Each account's newest collect partition, by label. */
    private Map<String, LastRun> lastRuns() {
        Map<String, LastRun> last = new HashMap<>();
        jdbc.query("SELECT n.STEP_NAME, n.JOB_EXECUTION_ID, n.STATUS, n.START_TIME FROM BATCH_STEP_EXECUTION n "
                + "JOIN (SELECT MAX(s.STEP_EXECUTION_ID) AS id " + RECENT_PARTITIONS
                + "AND s.STEP_NAME LIKE '" + COLLECT_PARTITION + "%' GROUP BY s.STEP_NAME) m ON m.id = n.STEP_EXECUTION_ID",
                rs -> {
                    String label = rs.getString(1).substring(COLLECT_PARTITION.length());
                    last.put(label, new LastRun(rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDateTime.class)));
                }, cutOff());
        return last;
    }

    private Optional<LastRun> lastRun(String step) {
        return jdbc.query("SELECT s.JOB_EXECUTION_ID, s.STATUS, s.START_TIME " + RECENT_PARTITIONS
                        + "AND s.STEP_NAME = ? ORDER BY s.STEP_EXECUTION_ID DESC LIMIT 1",
                (rs, n) -> new LastRun(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDateTime.class)),
                cutOff(), step).stream().findFirst();
    }

    private List<FailedRun> failedRuns(String step) {
        return jdbc.query("SELECT s.JOB_EXECUTION_ID, s.STATUS, s.START_TIME, s.EXIT_MESSAGE " + RECENT_PARTITIONS
                        + "AND s.STEP_NAME = ? AND s.STATUS <> 'COMPLETED' ORDER BY s.STEP_EXECUTION_ID DESC LIMIT " + RECENT,
                (rs, n) -> new FailedRun(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDateTime.class),
                        firstLine(rs.getString(4))), cutOff(), step);
    }

    private List<FetchFailure> fetchFailures(long accountId) {
        return jdbc.query("SELECT url, http_status, error, attempt, created_at FROM fetch_failures WHERE account_id = ? "
                        + "ORDER BY id DESC LIMIT " + RECENT,
                (rs, n) -> new FetchFailure(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getInt(4),
                        rs.getObject(5, LocalDateTime.class)), accountId);
    }

    private LocalDateTime cutOff() {
        return LocalDateTime.now(clock).minusDays(LAST_RUN_DAYS);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(BusinessDate.SEOUL));
    }

    private static String firstLine(String text) {
        return text == null ? null : text.lines().filter(l -> !l.isBlank()).findFirst().orElse(null);
    }
}
