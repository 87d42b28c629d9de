package com.mallbatch.readers;

import com.mallbatch.domain.Category;
import com.mallbatch.domain.DailyTotals;
import com.mallbatch.domain.DailySettlement;
import com.mallbatch.domain.CategoryMembership;
import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.Order;
import com.mallbatch.domain.Platform;
import com.mallbatch.domain.Product;
import com.mallbatch.domain.VariantStock;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a platform adapter offers the collect job: restartable readers that yield the canonical model. A record the
 * platform sent but that cannot be mapped is reported as a {@link com.mallbatch.domain.MalformedRecordException}
 * thrown from {@code read()} after the reader has moved past it, so the step can skip it and go on.
 */
public interface MallExtractors {

    Platform platform();

    ItemStreamReader<Category> categories(MallAccount account);

    /** Which products each category displays; a mall without categories has none. */
    ItemStreamReader<CategoryMembership> categoryMemberships(MallAccount account);

    ItemStreamReader<Product> products(MallAccount account);

    /** Variants with the stock read for {@code businessDate}. */
    ItemStreamReader<VariantStock> variantsAndStock(MallAccount account, LocalDate businessDate);

    /**
     * The orders of a business date: those placed from {@code from} to {@code businessDate} (both inclusive, Asia/Seoul
     * dates), and, where the platform can filter by them, those whose status or claim dates fall on the business
     * date whatever their order date. Each order is handed out once.
     */
    ItemStreamReader<Order> orders(MallAccount account, LocalDate from, LocalDate businessDate);

    /**
     * The orders placed from {@code from} to {@code to}, as they stand on {@code asOf}, for settling a period: by
     * default the orders of those days. A platform that lists orders by their last change overrides it to follow the
     * changes up to {@code asOf}, where a return or confirmation after the period shows.
     */
    default ItemStreamReader<Order> periodOrders(MallAccount account, LocalDate from, LocalDate to, LocalDate asOf) {
        return orders(account, from, to);
    }

    /** Whether the platform reports its own daily settlements; the collect reads them only then. */
    default boolean reportsDailySettlements() {
        return false;
    }

    /**
     * The platform's own daily settlements of the sales days from {@code from} to {@code to} (for reconciliation and
     * settlement); none where the platform does not report them.
     */
    default ItemStreamReader<DailySettlement> dailySettlements(MallAccount account, LocalDate from, LocalDate to) {
        return () -> null;
    }

    /**
     * The mall's own sales report of one day (order count and amount), read now, for reconciliation: empty where the
     * platform has no such report (a crawled seller center records its totals box while collecting orders instead).
     *
     * @throws com.mallbatch.domain.ReportNotReadyException when the mall has not published that day's report yet
     */
    default Optional<DailyTotals> salesReport(MallAccount account, LocalDate day) {
        return Optional.empty();
    }

    /**
     * Re-reads the given products' pages now, outside any collect, for reconciliation's re-verification: their
     * variants with stock as the mall shows them at this moment. Empty where the platform has nothing to re-verify
     * (API platforms report their own data).
     */
    default List<VariantStock> reread(MallAccount account, List<String> productNos, LocalDate businessDate) {
        return List.of();
    }
}
