package com.mallbatch.readers.crawl;

import com.mallbatch.domain.Money;
import com.mallbatch.domain.Order;
import com.mallbatch.domain.OrderLine;
import com.mallbatch.domain.OrderLineStatus;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Orders of each day in the window, from the seller center's paginated order list; the cursor is {@code day@page}. */
final class CrawlOrderReader extends CrawlReader<CrawlOrderReader.OrderRow, Order> {

    record OrderRow(RowExtractor.Row order, List<RowExtractor.Row> lines) {
    }

    private final long accountId;
    private final LocalDate from;
    private final LocalDate to;

    CrawlOrderReader(SiteProfile profile, CrawlSession session, long accountId, LocalDate from, LocalDate to) {
        super("crawl.orders", profile, session);
        this.accountId = accountId;
        this.from = from;
        this.to = to;
    }

    @Override
    protected String firstToken() {
        return from + "@1";
    }

    @Override
    protected Page<OrderRow> fetch(String token) {
        LocalDate day = LocalDate.parse(token.substring(0, token.indexOf('@')));
        int page = Integer.parseInt(token.substring(token.indexOf('@') + 1));
        ListPage list = listPage(profile.orderList(), Map.of("date", day.toString(), "page", String.valueOf(page)));
        List<OrderRow> orders = new ArrayList<>();
        List<RowExtractor.Row> heads = extractor.extract(list.rows(), profile.orderFields(), "order", list.url());
        for (RowExtractor.Row head : heads) {
            List<Doc> lineNodes = head.node().select(profile.orderLines().rows());
            orders.add(new OrderRow(head, extractor.extract(lineNodes, profile.orderLines().fields(),
                    "order line of " + head.text("orderNo"), list.url())));
        }
        String next = list.hasNext() ? day + "@" + (page + 1) : day.isBefore(to) ? day.plusDays(1) + "@1" : null;
        return new Page<>(orders, list.url(), next);
    }

    @Override
    protected Order map(OrderRow row, String source) {
        if (row.order().problem() != null) {
            throw row.order().problem();
        }
        String orderNo = row.order().text("orderNo");
        List<OrderLine> lines = new ArrayList<>();
        for (RowExtractor.Row line : row.lines()) {
            if (line.problem() != null) {
                throw line.problem();
            }
            Money unit = (Money) line.get("unitPrice");
            int quantity = (Integer) line.get("quantity");
            String sku = line.text("sku");
            lines.add(new OrderLine(accountId, orderNo, line.text("lineNo"), line.text("productNo"), sku, sku,
                    line.text("productName"), line.text("option") == null ? "" : line.text("option"), quantity, unit,
                    Money.ZERO, Money.ZERO, Money.ZERO, unit.times(quantity), line.raw().get("status"),
                    (OrderLineStatus) line.get("status")));
        }
        if (lines.isEmpty()) {
            throw new com.mallbatch.domain.MalformedRecordException(source, "order", orderNo, "lines",
                    "is empty: selector '" + profile.orderLines().rows() + "' matched no line");
        }
        Money total = row.order().get("total") != null ? (Money) row.order().get("total")
                : lines.stream().map(OrderLine::paymentAmount).reduce(Money.ZERO, Money::plus);
        boolean canceled = lines.stream().allMatch(l -> l.status() == OrderLineStatus.CANCELLED);
        return new Order(accountId, orderNo, (LocalDateTime) row.order().get("orderedAt"), null, true, canceled, null,
                total, Money.ZERO, Money.ZERO, total, lines);
    }
}
