package com.mallbatch.admin.breaks;

import com.mallbatch.admin.MallbatchApplication;
import com.mallbatch.admin.runs.RunRestarts;
import com.mallbatch.domain.Platform;
import com.mallbatch.domain.RateBudget;
import com.mallbatch.domain.port.MallCredentials;
import com.mallbatch.domain.reconcile.BreakState;
import com.mallbatch.domain.reconcile.Severity;
import com.mallbatch.localdb.ThrowawaySchema;
import com.mallbatch.writers.mysql.JdbcMallAccounts;
import com.mallbatch.writers.mysql.JdbcReconcileLedger;
import com.mallbatch.writers.secret.CredentialCipher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import com.mallbatch.admin.infrastructure.web.SignedInBrowser;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The breaks page and a person's decisions in the app as deployed: over HTTP, an OPS user signs in through the form
 * with its CSRF token, sees the open break and acknowledges it, which appends the break's event and the admin audit;
 * the use cases themselves refuse a VIEWER (method security) and change nothing; a refused decision is audited too.
 */
class BreakDecisionsInTheAppTest {

    static final String PASSWORD = "ops password for the test";
    static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    static ThrowawaySchema schema;
    static ConfigurableApplicationContext app;
    static JdbcTemplate jdbc;
    static long breakId;

    @BeforeAll
    static void start() {
        schema = ThrowawaySchema.create("breaksweb");
        app = MallbatchApplication.run("--server.port=0", "--spring.datasource.url=" + schema.jdbcUrl(),
                "--spring.datasource.username=" + schema.user(), "--spring.datasource.password=" + schema.password(),
                "--mallbatch.secret-key=" + CredentialCipher.newKey(), "--mallbatch.scheduling.enabled=false",
                "--mallbatch.admin.users[0].username=kim",
                "--mallbatch.admin.users[0].password-hash=" + new BCryptPasswordEncoder().encode(PASSWORD),
                "--mallbatch.admin.users[0].roles=OPS");
        jdbc = app.getBean(JdbcTemplate.class);
        long account = app.getBean(JdbcMallAccounts.class).register(new JdbcMallAccounts.Registration("acme", "에이크미",
                Platform.CAFE24, "acmeshop", null, RateBudget.CAFE24_DEFAULT, null, true,
                new MallCredentials("cid", "client-secret-value", "refresh-token-value", null, null)));
        JdbcReconcileLedger ledger = app.getBean(JdbcReconcileLedger.class);
        breakId = ledger.openBreak(account, "orders_vs_mall_totals", "DAY_TOTAL", "2026-11-20", DAY);
        ledger.append(new JdbcReconcileLedger.BreakEvent(breakId, "OPENED", BreakState.OPEN, Severity.HIGH, DAY,
                new BigDecimal("12000.00"), "mall says 1,212,000, collected 1,200,000", "reconcile", null, null));
    }

    @AfterAll
    static void stop() {
        app.close();
        schema.close();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void opsAcknowledgesABreakOnThePageAndItIsAudited() {
        String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
        assertThat(HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create(base + "/breaks")).build(),
                HttpResponse.BodyHandlers.discarding()).join().statusCode()).as("anonymous: to the login page")
                .isEqualTo(302);

        SignedInBrowser kim = SignedInBrowser.signIn(base, "kim", PASSWORD);
        String page = kim.get("/breaks").body();
        assertThat(page).contains("acme/CAFE24/acmeshop").contains("orders_vs_mall_totals").contains("High")
                .contains("Acknowledge break " + breakId).doesNotContain("client-secret-value")
                .doesNotContain("refresh-token-value");
        assertThat(kim.get("/breaks?severity=LOW").body())
                .as("filtered out").doesNotContain("Acknowledge break " + breakId).doesNotContain("mall says");
        long age = ChronoUnit.DAYS.between(DAY, LocalDate.now(ZoneId.of("Asia/Seoul")));
        assertThat(kim.get("/breaks?mall=CAFE24&minAge=" + age).body())
                .as("a Cafe24 mall's break open for " + age + " days").contains("Acknowledge break " + breakId)
                .contains(age + " d");
        assertThat(kim.get("/breaks?mall=SMARTSTORE").body()).as("another mall")
                .doesNotContain("Acknowledge break " + breakId);
        assertThat(kim.get("/breaks?minAge=" + (age + 1)).body()).as("not that old")
                .doesNotContain("Acknowledge break " + breakId);

        Map<String, String> acknowledge = Map.of("decision", "ACKNOWLEDGE", "comment", "looking");
        assertThat(kim.forge("/breaks/" + breakId + "/decision", acknowledge).statusCode())
                .as("without the CSRF token").isEqualTo(403);
        assertThat(state()).isEqualTo("OPEN");

        assertThat(SignedInBrowser.location(kim.submit(page, "/breaks/" + breakId + "/decision", acknowledge)))
                .isEqualTo("/breaks");
        assertThat(state()).isEqualTo("ACKNOWLEDGED");
        assertThat(jdbc.queryForObject("SELECT actor FROM reconcile_break_events WHERE break_id = ? ORDER BY id DESC "
                + "LIMIT 1", String.class, breakId)).isEqualTo("kim");
        assertThat(audit()).contains("kim acknowledge-break break " + breakId + " now ACKNOWLEDGED");
    }

    @Test
    void theUseCasesRefuseAViewerAndChangeNothingAndARefusedDecisionIsAudited() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("lee",
                null, AuthorityUtils.createAuthorityList("ROLE_VIEWER")));
        String before = state();
        int audited = audit().size();
        assertThatThrownBy(() -> app.getBean(BreakDecisionService.class).decide(breakId,
                BreakDecisionService.Decision.RESOLVE, "fixed", "lee")).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> app.getBean(RunRestarts.class).restartFailedAccounts(1, "lee"))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThat(state()).isEqualTo(before);
        assertThat(audit()).hasSize(audited);

        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("root",
                null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        assertThatThrownBy(() -> app.getBean(BreakDecisionService.class).decide(breakId,
                BreakDecisionService.Decision.RESOLVE, " ", "root")).hasMessageContaining("with a comment");
        assertThat(state()).isEqualTo(before);
        assertThat(audit()).anyMatch(line -> line.startsWith("root resolve-break break " + breakId + " refused: "));
    }

    private static String state() {
        return jdbc.queryForObject("SELECT state FROM reconcile_break_events WHERE break_id = ? ORDER BY id DESC LIMIT 1",
                String.class, breakId);
    }

    private static List<String> audit() {
        return jdbc.queryForList("SELECT CONCAT(username, ' ', action, ' ', target, ' ', outcome) FROM admin_audit "
                + "ORDER BY id", String.class);
    }
}
