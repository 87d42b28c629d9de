package com.mallbatch.admin;

import com.mallbatch.jobs.collect.SandboxWorld;
import com.mallbatch.jobs.launch.JobLaunchService;
import com.mallbatch.writers.mysql.JdbcImports;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.mallbatch.jobs.collect.SandboxWorld.BUSINESS_DATE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app as deployed serves {@code /actuator/prometheus} (and only health, info and prometheus), and after a collect
 * of Cafe24 malls and seller centers and a reconcile with a break the scrape holds every series the shipped Grafana
 * dashboards query.
 */
class PrometheusScrapeTest {

    static final List<Path> DASHBOARDS = List.of(Path.of("..", "ops", "grafana", "mallbatch-collect.json"),
            Path.of("..", "ops", "grafana", "mallbatch-reconcile.json"));
    static final Pattern SERIES = Pattern.compile("\\b((?:mallbatch|spring_batch)_[a-z_]+)\\b");
    /** Label matchers and grouping clauses: {@code {name="x"}}, {@code by (name)}. */
    static final Pattern LABELS = Pattern.compile("\\{[^}]*\\}|by \\([^)]*\\)");

    @Test
    void aScrapeAfterACollectAndAReconcileHasEverySeriesTheDashboardsUse() throws Exception {
        try (SandboxWorld world = new SandboxWorld(SandboxWorld.smallConfig().withSize(30, 2, 5, 8), "prometheus")) {
            Path accounts = world.writeAccountsFile(Files.createTempFile("accounts", ".yml"));
            try (ConfigurableApplicationContext app = MallbatchApplication.run("--server.port=0",
                    "--spring.datasource.url=" + world.schema.jdbcUrl(), "--spring.datasource.username=" + world.schema.user(),
                    "--spring.datasource.password=" + world.schema.password(), "--mallbatch.secret-key=" + world.secretKey,
                    "--mallbatch.accounts-file=" + accounts, "--mallbatch.scheduling.enabled=false")) {
                world.registerSellerCenters(app.getBean(com.mallbatch.writers.mysql.JdbcMallAccounts.class), "stylemarket",
                        "stylemarket01");
                assertThat(app.getBean(JobLaunchService.class).launch("collectJob", new JobParametersBuilder()
                        .addString("businessDate", BUSINESS_DATE.toString()).toJobParameters(), "test").getStatus())
                        .isEqualTo(BatchStatus.COMPLETED);
                // a master inventory to compare stock with, and a day whose mall total disagrees: a break to count
                JdbcImports imports = app.getBean(JdbcImports.class);
                imports.upsertMasterInventory(imports.tenantId("acme").orElseThrow(), world.sandbox.cafe24()
                        .mall("sandbox01").masterInventory(BUSINESS_DATE).stream().map(r -> Map.<String, Object>of(
                                "sellerSku", r.sellerSku(), "asOf", r.asOf(), "quantity", r.quantity(), "source", "test")).toList());
                world.sandbox.cafe24().mall("sandbox02").adjustDailySales(BUSINESS_DATE, 1, java.math.BigDecimal.ZERO);
                assertThat(app.getBean(JobLaunchService.class).launch("reconcileJob", new JobParametersBuilder()
                        .addString("businessDate", BUSINESS_DATE.toString()).toJobParameters(), "test").getStatus())
                        .isEqualTo(BatchStatus.COMPLETED);

                int port = ((WebServerApplicationContext) app).getWebServer().getPort();
                HttpClient http = HttpClient.newHttpClient();
                String scrape = get(http, port, "/actuator/prometheus").body();
                Files.writeString(Path.of("target", "prometheus-scrape.txt"), scrape); // for a person to look at
                Set<String> missing = new TreeSet<>();
                for (String series : dashboardSeries(true)) {
                    if (!Pattern.compile("(?m)^" + series + "(\\{| )").matcher(scrape).find()) {
                        missing.add(series);
                    }
                }
                for (String label : dashboardSeries(false)) {
                    if (!scrape.contains(label + "=")) {
                        missing.add(label + " (label)");
                    }
                }
                assertThat(missing).as("series and labels the dashboard uses that the scrape lacks").isEmpty();
                assertThat(get(http, port, "/actuator/env").statusCode()).as("not exposed by default").isEqualTo(404);
                assertThat(get(http, port, "/actuator/health").statusCode()).isEqualTo(200);
            }
        }
    }

    /** The metric names the dashboard's queries use ({@code metrics}), or the label names ({@code !metrics}). */
    private static Set<String> dashboardSeries(boolean metrics) throws Exception {
        Set<String> found = new TreeSet<>();
        for (Path file : DASHBOARDS) {
            found.addAll(dashboardSeries(JsonMapper.builder().build().readTree(Files.readString(file)), metrics));
        }
        assertThat(found).isNotEmpty();
        return found;
    }

    private static Set<String> dashboardSeries(JsonNode dashboard, boolean metrics) {
        Set<String> found = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asString();
                Matcher labels = LABELS.matcher(expr);
                StringBuilder withoutLabels = new StringBuilder();
                while (labels.find()) {
                    if (!metrics) {
                        Matcher names = SERIES.matcher(labels.group());
                        while (names.find()) {
                            found.add(names.group(1));
                        }
                    }
                    labels.appendReplacement(withoutLabels, " ");
                }
                labels.appendTail(withoutLabels);
                if (metrics) {
                    Matcher names = SERIES.matcher(withoutLabels);
                    while (names.find()) {
                        found.add(names.group(1));
                    }
                }
            }
        }
        // every dashboard queries some series; only some filter on a fully qualified label (the reconcile one uses
        // mallbatch's own short labels), so label names are required across the dashboards, not of each
        if (metrics) {
            assertThat(found).as("series queried by a dashboard").isNotEmpty();
        }
        return found;
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
