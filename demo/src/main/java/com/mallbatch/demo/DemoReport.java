package com.mallbatch.demo;

import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the demo tells at the end: what it loaded per account, where the data is and what to try next. */
final class DemoReport {

    private DemoReport() {
    }

    static String loaded(JdbcTemplate jdbc) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT CONCAT(t.tenant_key, '/', a.platform, '/', a.account_key) AS account, t.name AS seller,
                  (SELECT COUNT(*) FROM categories c WHERE c.account_id = a.id) AS categories,
                  (SELECT COUNT(*) FROM products p WHERE p.account_id = a.id) AS products,
                  (SELECT COUNT(*) FROM variants v WHERE v.account_id = a.id) AS variants,
                  (SELECT COUNT(*) FROM stock_levels s WHERE s.account_id = a.id) AS stock_rows,
                  (SELECT COUNT(*) FROM orders o WHERE o.account_id = a.id) AS orders,
                  (SELECT COUNT(*) FROM order_lines l WHERE l.account_id = a.id) AS order_lines,
                  (SELECT COUNT(*) FROM skipped_records k WHERE k.account_id = a.id) AS skipped
                FROM mall_accounts a JOIN tenants t ON t.id = a.tenant_id ORDER BY t.tenant_key, a.platform, a.account_key""");
        StringBuilder out = new StringBuilder("\nLoaded into MySQL:\n");
        String format = "%-30s %-10s %10s %9s %9s %10s %7s %11s %8s%n";
        out.append(String.format(format, "account", "seller", "categories", "products", "variants", "stock rows", "orders",
                "order lines", "skipped"));
        for (Map<String, Object> r : rows) {
            out.append(String.format(format, r.get("account"), r.get("seller"), r.get("categories"), r.get("products"),
                    r.get("variants"), r.get("stock_rows"), r.get("orders"), r.get("order_lines"), r.get("skipped")));
        }
        return out.toString();
    }

    /** Per account, the worst newest verdict of each check and the breaks still open. */
    static String reconciled(JdbcTemplate jdbc) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT CONCAT(t.tenant_key, '/', a.platform, '/', a.account_key) AS account, r.check_name, r.verdict
                FROM reconcile_results r JOIN mall_accounts a ON a.id = r.account_id JOIN tenants t ON t.id = a.tenant_id
                WHERE r.business_date = (SELECT MAX(business_date) FROM reconcile_results)
                  AND r.id = (SELECT MAX(x.id) FROM reconcile_results x WHERE x.business_date = r.business_date
                              AND x.account_id = r.account_id AND x.check_name = r.check_name AND x.subject = r.subject)
                ORDER BY account, r.check_name""");
        Map<String, Map<String, String>> worst = new java.util.TreeMap<>();
        List<String> order = List.of("PASS", "PENDING", "WARN", "FAIL");
        for (Map<String, Object> r : rows) {
            worst.computeIfAbsent((String) r.get("account"), k -> new java.util.TreeMap<>()).merge((String) r.get("check_name"),
                    (String) r.get("verdict"), (x, y) -> order.indexOf(x) >= order.indexOf(y) ? x : y);
        }
        Integer open = jdbc.queryForObject("""
                SELECT COUNT(*) FROM reconcile_breaks b JOIN reconcile_break_events e ON e.id = (SELECT MAX(x.id)
                  FROM reconcile_break_events x WHERE x.break_id = b.id) WHERE e.state IN ('OPEN', 'ACKNOWLEDGED')""",
                Integer.class);
        StringBuilder out = new StringBuilder("Reconciled (reconcileJob; the worst verdict of each check):\n");
        worst.forEach((account, checks) -> out.append(String.format("%-30s %s%n", account, checks)));
        out.append(open).append(" break(s) open: SELECT * FROM reconcile_breaks; the digest per seller is in the log "
                + "(no webhook in the demo)\n");
        return out.toString();
    }

    static String whereTheDataIs(String url, Optional<Path> kept, boolean embedded, boolean pause, String logFile) {
        StringBuilder out = new StringBuilder();
        if (!embedded) {
            out.append("The data is in ").append(url).append(".\n");
        } else if (kept.isPresent()) {
            out.append("The data is kept in ").append(kept.get()).append(" (the database and its secret key). Run the ")
                    .append("demo again with --keep-data").append(kept.get().toString().contains(".mallbatch") ? "" : "=" + kept.get())
                    .append(" to go on with it: an interrupted run resumes where it stopped, and the settlement can be ")
                    .append("tried on the same orders.\n");
        } else {
            out.append("The embedded database is gone with the demo; run it with --keep-data to keep it.\n");
        }
        if (embedded && !pause) {
            out.append("To query it, run the demo with --pause: the database stays up until Enter.\n");
        }
        out.append("""
                Things to ask it (mysql -h 127.0.0.1 -P <port> -u root mallbatch):
                  SELECT account_id, order_id, ordered_at, payment_amount FROM orders ORDER BY ordered_at DESC LIMIT 10;
                  SELECT order_id, line_id, platform_status, status, payment_amount FROM order_lines
                    WHERE status IN ('CANCELLED', 'RETURNED') LIMIT 10;   -- status: one vocabulary; the mall's code beside it
                  SELECT account_id, business_date, entity, read_count, write_count, skip_count FROM collect_stats;
                  SELECT * FROM skipped_records;   -- every record that could not be read, and why
                Against a real mall: write an accounts file (README, "Mall accounts file"), keep a secret key
                (README, "Keeping the secret key"), point spring.datasource.* at MySQL 8 or MariaDB and run
                  java -jar admin-web/target/mallbatch-exec.jar --mallbatch.accounts-file=accounts.yml \\
                       --spring.batch.job.name=collectJob
                """);
        if (logFile != null) {
            out.append("The full log, with the embedded database's own lines, is in ").append(logFile).append('\n');
        }
        return out.toString();
    }
}
