package com.mallbatch.readers.crawl;

import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.port.CrawlProfileTrial.DryRun;
import com.mallbatch.sandbox.sellercenter.SellerCenter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A profile checked by the crawler's parser and selector engines, and tried on the sandbox's seller centers over HTTP:
 * the bundled profiles pass and read their centers' first list page; a broken selector, a bad key and bad YAML are
 * named; a dry run records no failed fetch.
 */
class SiteProfileTrialTest {

    static CrawlSandbox sandbox;
    static SiteProfileTrial trial;

    @BeforeAll
    static void start() throws IOException {
        sandbox = new CrawlSandbox();
        trial = new SiteProfileTrial(sandbox.extractors);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void theBundledProfilesHaveNoProblems() throws IOException {
        for (String name : new String[]{"stylemarket", "nextshop", "easyseller"}) {
            assertThat(trial.problems(name, bundled(name))).as(name).isEmpty();
        }
    }

    @Test
    void eachBrokenSelectorIsNamedByItsKeyOnALineOfItsOwn() throws IOException {
        String yaml = bundled("stylemarket").replace("\"tr.product-row\"", "\"tr.product-row[\"")
                .replace("price: {select: \"td.price\"", "price: {select: \"td..price\"")
                .replace("blockedWhen: \"div.captcha\"", "blockedWhen: \"//div[\"");

        assertThat(trial.problems("stylemarket", yaml)).hasSize(3)
                .anySatisfy(p -> assertThat(p).startsWith("stylemarket.yml: products.list.rows: selector 'tr.product-row[' does not compile"))
                .anySatisfy(p -> assertThat(p).startsWith("stylemarket.yml: products.fields.price: selector 'td..price' does not compile"))
                .anySatisfy(p -> assertThat(p).startsWith("stylemarket.yml: blockedWhen: selector '//div[' does not compile"))
                .allSatisfy(p -> assertThat(p).doesNotContain("\n"));
        assertThat(trial.problems("nextshop", bundled("nextshop").replace("\"/props/pageProps/items\"", "\"props/items\"")))
                .singleElement().asString().startsWith("nextshop.yml: products.list.rows: selector 'props/items' does not compile");
    }

    @Test
    void badYamlAMissingKeyAndAnotherNameAreRefused() throws IOException {
        assertThat(trial.problems("stylemarket", "name: stylemarket\nproducts: [unclosed"))
                .singleElement().asString().startsWith("stylemarket.yml: is not valid YAML:").doesNotContain("\n");
        assertThat(trial.problems("stylemarket", bundled("stylemarket").replace("    price: {select: \"td.price\", parse: money}\n", "")))
                .containsExactly("stylemarket.yml: products: declares no field 'price'");
        assertThat(trial.problems("stylemarket", bundled("stylemarket").replace("name: stylemarket", "name: other")))
                .containsExactly("stylemarket.yml: name: should be 'stylemarket' (the profile's name), got 'other'");
    }

    @Test
    void aDryRunReadsTheFirstListPageRowsMappedToFieldsWithEachFieldsProblem() throws IOException {
        MallAccount account = sandbox.account("stylemarket01");
        SellerCenter center = sandbox.center("stylemarket01");
        String yaml = bundled("stylemarket").replace("price: {select: \"td.price\", parse: money}",
                "price: {select: \"td.price\", parse: integer}");

        DryRun run = trial.firstListPage(account, yaml, 3);

        assertThat(run.failure()).isNull();
        assertThat(run.url()).isEqualTo(sandbox.server.sellerCenterBaseUrl("stylemarket01") + "/products?page=1");
        assertThat(run.fields()).containsExactly("productNo", "sellerCode", "name", "price", "selling");
        assertThat(run.rows()).hasSize(3);
        assertThat(run.rowsOnPage()).isGreaterThanOrEqualTo(3);
        assertThat(run.rows().get(0).values()).containsKeys("productNo", "name", "selling").doesNotContainKey("price");
        assertThat(run.rows().get(0).problems().get("price")).as("money text read as an integer").isNotBlank();
        assertThat(center.groundTruth().toString()).contains(run.rows().get(0).values().get("name"));
        assertThat(sandbox.failures).isEmpty();
    }

    @Test
    void aDryRunWhoseRowsMatchNothingSaysSoAndRecordsNothing() throws IOException {
        DryRun run = trial.firstListPage(sandbox.account("stylemarket01"),
                bundled("stylemarket").replace("\"tr.product-row\"", "\"tr.no-such-row\""), 5);

        assertThat(run.rows()).isEmpty();
        assertThat(run.failure()).contains("row selector 'tr.no-such-row' matched nothing");
        assertThat(sandbox.failures).isEmpty();
    }

    private static String bundled(String name) throws IOException {
        try (InputStream in = SiteProfileTrialTest.class.getResourceAsStream("/crawl-profiles/" + name + ".yml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
