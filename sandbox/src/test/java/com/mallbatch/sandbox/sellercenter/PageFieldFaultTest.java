package com.mallbatch.sandbox.sellercenter;

import com.mallbatch.sandbox.PageFieldFault;
import com.mallbatch.sandbox.SandboxConfig;
import com.mallbatch.sandbox.SandboxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The page field knob through the control endpoint, and what the centers' ground truth tells of it. */
class PageFieldFaultTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static SandboxServer sandbox;

    @BeforeAll
    static void start() throws IOException {
        sandbox = SandboxServer.start(SandboxConfig.small().withToday(LocalDate.of(2026, 11, 21)).withMalls(0)
                .withSize(40, 4, 5, 2).withSellerCenters(1, 1, 10_000).withLineSellerCenters(1), 0);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void theKnobPostedForOneCenterPicksItsShareFromTheSeedAndTheGroundTruthNamesEveryChangedField() throws Exception {
        post("{\"pageField\": {\"mode\": \"DIFFERENT_VALUE\", \"field\": \"extraPrice\", \"share\": 0.2, "
                + "\"renders\": 2, \"center\": \"nextshop01\"}}");
        SellerCenter center = sandbox.sellerCenters().center("nextshop01");
        List<DriftedField> drifted = center.driftedFields();

        assertThat(drifted.stream().map(DriftedField::productId).distinct()).as("a fifth of 40 products").hasSize(8);
        assertThat(drifted).allSatisfy(f -> {
            assertThat(f.field()).isEqualTo("extraPrice");
            assertThat(f.rendersLeft()).isEqualTo(2);
            assertThat(f.shownValue() - f.trueValue()).isIn(1_000L, 2_000L, 3_000L);
        });
        assertThat(sandbox.sellerCenters().center("stylemarket01").driftedFields()).as("another center").isEmpty();
        JsonNode truth = get("/_sandbox/seller/nextshop01/ground-truth");
        assertThat(truth.get("driftedFields").size()).isEqualTo(drifted.size());
        assertThat(truth.get("driftedFields").get(0).get("productId").asLong()).isEqualTo(drifted.get(0).productId());

        sandbox.faults().pageField(PageFieldFault.differentValue("extraPrice", 0.2, 2).onlyAt("nextshop01"));
        assertThat(center.driftedFields()).as("the same knob again picks the same, from the seed").isEqualTo(drifted);

        post("{\"layoutV2\": false}");
        assertThat(center.driftedFields()).as("posting faults without it turns it off").isEmpty();
    }

    @Test
    void anUnparseableFieldIsShownInAFormatNoProfileReadsAndADeletedProductIsNeverPicked() {
        sandbox.faults().pageField(PageFieldFault.unparseable("stock", 1.0).onlyAt("easyseller01"));
        try {
            List<DriftedField> drifted = sandbox.sellerCenters().center("easyseller01").driftedFields();
            List<?> deleted = ((List<?>) sandbox.sellerCenters().center("easyseller01").groundTruth().get("products"))
                    .stream().filter(p -> Boolean.TRUE.equals(((java.util.Map<?, ?>) p).get("deleted"))).toList();

            assertThat(deleted).isNotEmpty();
            assertThat(drifted.stream().map(DriftedField::productId).distinct()).hasSize(40 - deleted.size());
            assertThat(drifted).allSatisfy(f -> {
                assertThat(f.shownValue()).isNull();
                assertThat(f.shownText()).matches("[0-9,]+개");
            });
        } finally {
            sandbox.faults().clear();
        }
        assertThatThrownBy(() -> PageFieldFault.unparseable("name", 0.1)).hasMessageContaining("not 'name'");
        assertThatThrownBy(() -> PageFieldFault.differentValue("stock", 0.1, 0)).hasMessageContaining("at least 1 render");
    }

    private static void post(String json) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/_sandbox/faults"))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private static JsonNode get(String path) throws Exception {
        return JsonMapper.builder().build().readTree(HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}
