package com.mallbatch.jobs.collect;

import com.mallbatch.sandbox.cafe24.Cafe24Mall;
import com.mallbatch.sandbox.sellercenter.SellerCenter;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks that what a collect of a business date loaded for one account equals the sandbox's ground truth, table by table. */
public final class GroundTruth {

    /** The order look-back the tests collect with (the default). */
    public static final int LOOKBACK = 7;

    private GroundTruth() {
    }

    public static void assertMall(JdbcTemplate jdbc, Cafe24Mall mall, long accountId, LocalDate businessDate) {
        ExpectedRows expected = new ExpectedRows(accountId, mall.groundTruth());
        DatabaseRows actual = new DatabaseRows(jdbc, accountId);
        LocalDate from = businessDate.minusDays(LOOKBACK);
        String mallId = mall.mallId();
        assertThat(actual.categories()).as("categories of %s", mallId).isEqualTo(expected.categories());
        assertThat(actual.categoryMemberships()).as("category memberships of %s", mallId)
                .isNotEmpty().isEqualTo(expected.categoryMemberships());
        assertThat(actual.products()).as("products of %s", mallId).isEqualTo(expected.products());
        assertThat(actual.variants()).as("variants of %s", mallId).isEqualTo(expected.variants());
        assertThat(actual.stock(businessDate)).as("stock of %s", mallId).isEqualTo(expected.stock(businessDate));
        assertThat(actual.orders()).as("orders of %s", mallId).isEqualTo(expected.orders(from, businessDate));
        assertThat(actual.orderLines()).as("order lines of %s", mallId).isEqualTo(expected.orderLines(from, businessDate));
    }

    public static void assertCenter(JdbcTemplate jdbc, SellerCenter center, long accountId, LocalDate businessDate) {
        ExpectedCrawlRows expected = new ExpectedCrawlRows(accountId, center.groundTruth());
        DatabaseRows actual = new DatabaseRows(jdbc, accountId);
        LocalDate from = businessDate.minusDays(LOOKBACK);
        String centerId = center.id();
        assertThat(actual.products()).as("products of %s", centerId).isEqualTo(expected.products());
        assertThat(actual.variants()).as("variants of %s", centerId).isEqualTo(expected.variants());
        assertThat(actual.stock(businessDate)).as("stock of %s", centerId).isEqualTo(expected.stock(businessDate));
        assertThat(actual.orders()).as("orders of %s", centerId).isEqualTo(expected.orders(from, businessDate));
        assertThat(actual.orderLines()).as("order lines of %s", centerId).isEqualTo(expected.orderLines(from, businessDate));
    }
}
