package com.mallbatch.demo;

import com.mallbatch.admin.MallbatchApplication;
import com.mallbatch.domain.Platform;
import com.mallbatch.domain.RateBudget;
import com.mallbatch.domain.port.MallCredentials;
import com.mallbatch.jobs.accounts.AccountsFile;
import com.mallbatch.localdb.EmbeddedMariaDb;
import com.mallbatch.sandbox.SandboxConfig;
import com.mallbatch.sandbox.SandboxServer;
import com.mallbatch.writers.mysql.JdbcMallAccounts;
import com.mallbatch.writers.secret.CredentialCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The daily pipeline on a laptop: starts the bundled sandbox malls (Cafe24 APIs and crawl-only seller centers), an
 * embedded MariaDB (unless
 * {@code --spring.datasource.url} is given), writes an accounts file for the sandbox malls, runs collectJob for
 * yesterday through the real application, prints what it loaded, and exits with the job's exit code.
 */
public final class DemoMain {

    private static final Logger log = LoggerFactory.getLogger(DemoMain.class);

    private DemoMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = new ArrayList<>(Arrays.asList(args));
        EmbeddedMariaDb embedded = null;
        if (arguments.stream().noneMatch(a -> a.startsWith("--spring.datasource.url="))
                && System.getenv("SPRING_DATASOURCE_URL") == null) {
            embedded = EmbeddedMariaDb.start(null);
            try (Connection c = DriverManager.getConnection(embedded.serverUrl(), "root", "")) {
                c.createStatement().execute("CREATE DATABASE IF NOT EXISTS mallbatch CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            }
            arguments.add("--spring.datasource.url=" + embedded.serverUrl() + "mallbatch");
            arguments.add("--spring.datasource.username=root");
            log.info("No spring.datasource.url given: using a temporary embedded MariaDB, gone when the demo exits");
        }
        if (System.getenv(CredentialCipher.KEY_ENV) == null
                && arguments.stream().noneMatch(a -> a.startsWith("--mallbatch.secret-key="))) {
            arguments.add("--mallbatch.secret-key=" + CredentialCipher.newKey());
            log.warn("{} is not set: encrypting credentials with a throwaway key for this demo run only",
                    CredentialCipher.KEY_ENV);
        }
        int exitCode;
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.small(), 0)) {
            arguments.add("--mallbatch.accounts-file=" + writeAccountsFile(sandbox));
            if (arguments.stream().noneMatch(a -> a.startsWith("--spring.batch.job.name="))) {
                arguments.add("--spring.batch.job.name=collectJob");
            }
            ConfigurableApplicationContext context = MallbatchApplication.run(arguments.toArray(String[]::new));
            printSummary(context.getBean(JdbcTemplate.class));
            exitCode = SpringApplication.exit(context);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
        System.exit(exitCode);
    }

    /** The sandbox malls as a seller's accounts file (the format the README documents). */
    static Path writeAccountsFile(SandboxServer sandbox) throws Exception {
        List<JdbcMallAccounts.Registration> accounts = new ArrayList<>(sandbox.cafe24().malls().stream()
                .map(mall -> new JdbcMallAccounts.Registration("demo", "데모 셀러", Platform.CAFE24, mall.mallId(),
                        sandbox.cafe24BaseUrl(mall.mallId()), RateBudget.CAFE24_DEFAULT, null, true,
                        new MallCredentials(mall.clientId(), mall.clientSecret(), mall.currentRefreshToken(), null, null)))
                .toList());
        // each kind of seller center is crawled with its bundled profile
        Map<String, String> profiles = Map.of("html", "stylemarket", "next-data", "nextshop", "line-rows", "easyseller");
        sandbox.sellerCenters().centers().forEach(c -> accounts.add(new JdbcMallAccounts.Registration("demo", "데모 셀러",
                Platform.CRAWL, c.id(), sandbox.sellerCenterBaseUrl(c.id()), RateBudget.CAFE24_DEFAULT,
                profiles.get(c.flavour()), true, new MallCredentials(c.username(), c.password(), null, null, null))));
        Path file = Files.createTempFile("mallbatch-demo-accounts", ".yml");
        file.toFile().deleteOnExit();
        return AccountsFile.write(file, accounts);
    }

    private static void printSummary(JdbcTemplate jdbc) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT CONCAT(t.tenant_key, '/', a.platform, '/', a.account_key) AS account,
                  (SELECT COUNT(*) FROM categories c WHERE c.account_id = a.id) AS categories,
                  (SELECT COUNT(*) FROM products p WHERE p.account_id = a.id) AS products,
                  (SELECT COUNT(*) FROM variants v WHERE v.account_id = a.id) AS variants,
                  (SELECT COUNT(*) FROM stock_levels s WHERE s.account_id = a.id) AS stock_rows,
                  (SELECT COUNT(*) FROM orders o WHERE o.account_id = a.id) AS orders,
                  (SELECT COUNT(*) FROM order_lines l WHERE l.account_id = a.id) AS order_lines,
                  (SELECT COUNT(*) FROM skipped_records k WHERE k.account_id = a.id) AS skipped
                FROM mall_accounts a JOIN tenants t ON t.id = a.tenant_id ORDER BY a.id""");
        StringBuilder out = new StringBuilder("\nLoaded into MySQL:\n");
        out.append(String.format("%-28s %10s %9s %9s %10s %7s %11s %8s%n", "account", "categories", "products",
                "variants", "stock rows", "orders", "order lines", "skipped"));
        for (Map<String, Object> r : rows) {
            out.append(String.format("%-28s %10s %9s %9s %10s %7s %11s %8s%n", r.get("account"), r.get("categories"),
                    r.get("products"), r.get("variants"), r.get("stock_rows"), r.get("orders"), r.get("order_lines"),
                    r.get("skipped")));
        }
        System.out.println(out);
    }
}
