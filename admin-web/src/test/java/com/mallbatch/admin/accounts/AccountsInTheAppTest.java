package com.mallbatch.admin.accounts;

import com.mallbatch.admin.AppOnSandbox;
import com.mallbatch.admin.infrastructure.web.SignedInBrowser;
import com.mallbatch.domain.AccountHealth;
import com.mallbatch.domain.port.AccountHealthStore;
import com.mallbatch.domain.port.CredentialStore;
import com.mallbatch.domain.port.MallAccounts;
import com.mallbatch.domain.port.MallCredentials;
import com.mallbatch.jobs.commands.PauseAccountCommand;
import com.mallbatch.jobs.launch.JobLaunchService;
import com.mallbatch.jobs.collect.SandboxWorld;
import com.mallbatch.sandbox.sellercenter.SellerCenter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.mallbatch.admin.infrastructure.web.SignedInBrowser.location;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accounts pages in the app as deployed, over HTTP, on MariaDB and the sandbox's seller center: ADMIN adds a
 * crawled account whose login is stored sealed and never shown, and the crawler logs in with it (a dry run reads the
 * center's first list page); a collect that fails shows on the account with its run and failed fetches; an edit with the password left empty keeps it, a new one replaces it; a profile with a
 * broken selector or bad YAML is refused naming the key and nothing is stored, a good one is; OPS pauses with a reason
 * and resumes through the same use case as the pause-account command, and may not edit; a disabled account is no
 * longer collected. Every action is in the audit, no secret is.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountsInTheAppTest {

    static final String PASSWORD = "a password for the test users";
    static final String CENTER = "stylemarket01";
    static SandboxWorld world;
    static ConfigurableApplicationContext app;
    static JdbcTemplate jdbc;
    static SignedInBrowser admin;
    static SignedInBrowser ops;
    static SellerCenter center;
    static long accountId;

    @BeforeAll
    static void start() {
        world = new SandboxWorld(SandboxWorld.smallConfig().withMalls(0).withSize(30, 3, 5, 2)
                .withSellerCenters(1, 0, 10_000), "accountsweb");
        center = world.sandbox.sellerCenters().center(CENTER);
        app = AppOnSandbox.start(world, Map.of("root", new String[]{"ADMIN", PASSWORD}, "kim", new String[]{"OPS", PASSWORD}));
        jdbc = app.getBean(JdbcTemplate.class);
        String base = AppOnSandbox.baseUrl(app);
        admin = SignedInBrowser.signIn(base, "root", PASSWORD);
        ops = SignedInBrowser.signIn(base, "kim", PASSWORD);
    }

    @AfterAll
    static void stop() {
        app.close();
        world.close();
    }

    @Test
    @Order(1)
    void anAdminAddsACrawledAccountWhoseLoginIsStoredSealedAndNeverShown() {
        String form = admin.get("/accounts/new").body();
        Map<String, String> entry = new HashMap<>(Map.of("tenantKey", "acme", "tenantName", "에이크미", "platform", "CRAWL",
                "accountKey", CENTER, "baseUrl", world.sandbox.sellerCenterBaseUrl(CENTER), "rateCapacity", "40",
                "rateLeakPerSecond", "2", "crawlProfile", "stylemarket", "enabled", "true", "clientId", center.username()));

        HttpResponse<String> refused = admin.submit(form, "/accounts/new", entry);
        assertThat(refused.statusCode()).as("no password: shown again").isEqualTo(200);
        assertThat(refused.body()).contains("is required for this platform");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mall_accounts", Integer.class)).isZero();

        entry.put("clientSecret", center.password());
        HttpResponse<String> added = admin.submit(form, "/accounts/new", entry);
        assertThat(location(added)).startsWith("/accounts/");
        accountId = Long.parseLong(location(added).substring("/accounts/".length()));

        assertThat(app.getBean(CredentialStore.class).load(accountId))
                .isEqualTo(new MallCredentials(center.username(), center.password(), null, null, null));
        byte[] sealed = jdbc.queryForObject("SELECT credentials_enc FROM mall_accounts WHERE id = ?", byte[].class, accountId);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(center.password());
        for (String page : List.of("/accounts", "/accounts/" + accountId, "/accounts/" + accountId + "/edit")) {
            assertThat(admin.get(page).body()).as(page).contains(CENTER).doesNotContain(center.password());
        }
        assertThat(admin.get("/accounts/" + accountId + "/edit").body()).contains(">set<");
        assertThat(audit()).anyMatch(line -> line.startsWith("root add-account acme/CRAWL/" + CENTER + " added as #"));
        assertThat(auditDetails()).anyMatch(line -> line.contains("add-account") && line.contains("secrets typed=clientId,clientSecret"))
                .noneMatch(line -> line.contains(center.password()));
    }

    @Test
    @Order(2)
    void theCrawlerLogsInWithTheStoredLoginAndADryRunShowsTheFirstListPage() throws IOException {
        String page = admin.get("/accounts/" + accountId + "/profile").body();
        assertThat(page).contains("tr.product-row");

        String shown = admin.submit(page, "/accounts/" + accountId + "/profile",
                Map.of("action", "dryRun", "yaml", bundled())).body();
        assertThat(shown).contains("Dry run").contains("/products?page=1").contains("10 of the");
        List<?> products = (List<?>) center.groundTruth().get("products");
        assertThat(products).as("a product of the center's, read by its number")
                .anyMatch(p -> shown.contains("<td>" + ((Map<?, ?>) p).get("id") + "</td>"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM crawl_profiles", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fetch_failures", Integer.class)).isZero();
    }

    @Test
    @Order(3)
    void aCollectThatFailedShowsOnTheAccountWithItsRunAndItsFailedFetches() {
        world.sandbox.faults().outage("/seller/" + CENTER + "/products");
        JobExecution failed;
        try {
            failed = app.getBean(JobLaunchService.class).launch("collectJob", new JobParametersBuilder()
                    .addString("businessDate", SandboxWorld.BUSINESS_DATE.toString()).toJobParameters(), "schedule");
        } finally {
            world.sandbox.faults().clear();
        }
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);

        String page = ops.get("/accounts/" + accountId).body();
        assertThat(page).contains("href=\"/runs/" + failed.getId() + "\"").contains("#" + failed.getId() + " FAILED")
                .contains("Failing").contains("/seller/" + CENTER + "/products?page=1").contains("HTTP 5");
        assertThat(ops.get("/accounts?health=FAILING").body()).contains("href=\"/runs/" + failed.getId() + "\"");
        assertThat(ops.get("/accounts?health=HEALTHY").body()).doesNotContain("acme/CRAWL/" + CENTER);
    }

    @Test
    @Order(4)
    void aBrokenSelectorOrBadYamlIsRefusedNamingTheKeyAndNothingIsStoredAGoodProfileIs() throws IOException {
        String path = "/accounts/" + accountId + "/profile";
        String page = admin.get(path).body();

        String broken = admin.submit(page, path, Map.of("action", "save",
                "yaml", bundled().replace("\"tr.product-row\"", "\"tr.product-row[\""))).body();
        assertThat(broken).contains("The profile was refused")
                .contains("stylemarket.yml: products.list.rows: selector &#39;tr.product-row[&#39; does not compile");
        String badYaml = admin.submit(page, path, Map.of("action", "dryRun", "yaml", "name: [stylemarket")).body();
        assertThat(badYaml).contains("stylemarket.yml: is not valid YAML").doesNotContain("Dry run</h2>");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM crawl_profiles", Integer.class)).isZero();

        String edited = bundled().replace("maxMissingRatio: 0.2", "maxMissingRatio: 0.1");
        assertThat(location(admin.submit(page, path, Map.of("action", "save", "yaml", edited)))).isEqualTo(path);
        assertThat(jdbc.queryForObject("SELECT yaml FROM crawl_profiles WHERE name = 'stylemarket'", String.class))
                .isEqualTo(edited);
        assertThat(audit()).anyMatch(line -> line.startsWith("root save-crawl-profile crawl profile stylemarket refused: "))
                .anyMatch(line -> line.equals("root save-crawl-profile crawl profile stylemarket saved"));
    }

    @Test
    @Order(5)
    void anEditWithThePasswordLeftEmptyKeepsItAndANewOneReplacesIt() {
        String edit = admin.get("/accounts/" + accountId + "/edit").body();
        Map<String, String> entry = new HashMap<>(Map.of("tenantKey", "acme", "tenantName", "에이크미 상사",
                "baseUrl", world.sandbox.sellerCenterBaseUrl(CENTER), "rateCapacity", "20", "rateLeakPerSecond", "1",
                "crawlProfile", "stylemarket", "enabled", "true", "clientId", "", "clientSecret", ""));
        assertThat(location(admin.submit(edit, "/accounts/" + accountId + "/edit", entry)))
                .isEqualTo("/accounts/" + accountId);
        assertThat(app.getBean(CredentialStore.class).load(accountId).clientSecret()).isEqualTo(center.password());
        assertThat(app.getBean(MallAccounts.class).byId(accountId).rateBudget().capacity()).isEqualTo(20);

        entry.put("clientSecret", "a new password typed in");
        admin.submit(edit, "/accounts/" + accountId + "/edit", entry);
        assertThat(app.getBean(CredentialStore.class).load(accountId))
                .isEqualTo(new MallCredentials(center.username(), "a new password typed in", null, null, null));
        assertThat(admin.get("/accounts/" + accountId + "/edit").body()).doesNotContain("a new password typed in");
        assertThat(auditDetails()).anyMatch(line -> line.contains("edit-account") && line.contains("secrets typed=clientSecret"))
                .noneMatch(line -> line.contains("a new password typed in"));
        app.getBean(CredentialStore.class).save(accountId, new MallCredentials(center.username(), center.password(),
                null, null, null));
    }

    @Test
    @Order(6)
    void opsPausesWithAReasonAndResumesButMayNotEditAndTheCommandTakesTheSamePath() {
        String page = ops.get("/accounts/" + accountId).body();
        assertThat(page).doesNotContain("/accounts/" + accountId + "/edit");
        assertThat(ops.submit(page, "/accounts/new", Map.of("tenantKey", "x")).statusCode()).isEqualTo(403);
        assertThat(ops.submit(page, "/accounts/" + accountId + "/enabled", Map.of("enabled", "false")).statusCode())
                .isEqualTo(403);
        assertThat(ops.forge("/accounts/" + accountId + "/pause", Map.of("reason", "forged")).statusCode())
                .isEqualTo(403);
        assertThat(health().paused()).isFalse();

        ops.submit(page, "/accounts/" + accountId + "/pause", Map.of("reason", "seller center moving to a new address"));
        assertThat(health().paused()).isTrue();
        assertThat(health().pausedReason()).isEqualTo("paused by kim: seller center moving to a new address");
        assertThat(ops.get("/accounts?health=PAUSED").body()).contains("acme/CRAWL/" + CENTER)
                .contains("seller center moving to a new address");

        ops.submit(page, "/accounts/" + accountId + "/resume", Map.of());
        assertThat(health().paused()).isFalse();

        app.getBean(PauseAccountCommand.class).run(Map.of("account", "acme/CRAWL/" + CENTER, "reason", "from the shell",
                "by", "lee"));
        assertThat(health().pausedReason()).isEqualTo("paused by lee: from the shell");
        assertThat(audit()).contains("kim pause-account acme/CRAWL/" + CENTER + " paused",
                "kim resume-account acme/CRAWL/" + CENTER + " resumed");
    }

    @Test
    @Order(7)
    void aDisabledAccountIsNoLongerCollectedAndShowsAsDisabled() {
        String page = admin.get("/accounts/" + accountId).body();
        admin.submit(page, "/accounts/" + accountId + "/enabled", Map.of("enabled", "false"));
        assertThat(app.getBean(MallAccounts.class).enabled()).noneMatch(a -> a.id() == accountId);
        assertThat(admin.get("/accounts?health=DISABLED").body()).contains("acme/CRAWL/" + CENTER);
        assertThat(app.getBean(CredentialStore.class).load(accountId).clientSecret()).as("kept")
                .isEqualTo(center.password());
        assertThat(audit()).contains("root disable-account acme/CRAWL/" + CENTER + " disabled");
    }

    private static AccountHealth health() {
        return app.getBean(AccountHealthStore.class).get(accountId);
    }

    private static List<String> audit() {
        return jdbc.queryForList("SELECT CONCAT_WS(' ', username, action, target, outcome) FROM admin_audit ORDER BY id",
                String.class);
    }

    /** What each audited action was given, secrets named, never their values. */
    private static List<String> auditDetails() {
        return jdbc.queryForList("SELECT CONCAT_WS(' ', action, detail) FROM admin_audit ORDER BY id", String.class);
    }

    private static String bundled() throws IOException {
        try (InputStream in = AccountsInTheAppTest.class.getResourceAsStream("/crawl-profiles/stylemarket.yml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
