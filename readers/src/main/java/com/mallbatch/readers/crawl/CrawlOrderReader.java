package com.mallbatch.readers.crawl;

import com.mallbatch.domain.DailyTotals;
import com.mallbatch.domain.Extent;
import com.mallbatch.domain.MalformedRecordException;
import com.mallbatch.domain.Money;
import com.mallbatch.domain.Order;
import com.mallbatch.domain.OrderLine;
import com.mallbatch.domain.OrderLineStatus;
import com.mallbatch.domain.port.DailyTotalsLog;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Orders of each day in the window, from the seller center's paginated order list. A list shows either one block per
 * order with its lines nested inside, or one row per line (rows of one order number making one order, listed
 * together). In the second kind an order's lines may run over onto the next page: its rows there are gathered before
 * the order is handed out, and the next page starts after them. The cursor is {@code day@page}, or
 * {@code day@page@orderNo} when the top of that page continues an order already handed out. The day's own totals,
 * where the profile reads them, are recorded from its first page. Amounts the list does not show stay empty.
 */
final class CrawlOrderReader extends CrawlReader<CrawlOrderReader.OrderRows, Order> {

    /** The rows of one order: its head (order fields) and its lines. */
    record OrderRows(RowExtractor.Row head, List<RowExtractor.Row> lines) {
    }

    static final String TOTALS_SOURCE = "CRAWL_LIST";

    private final long accountId;
    private final LocalDate from;
    private final LocalDate to;
    private final DailyTotalsLog totals;
    private final Map<String, ListPage> peeked = new HashMap<>();

    CrawlOrderReader(SiteProfile profile, CrawlSession session, long accountId, LocalDate from, LocalDate to,
                     DailyTotalsLog totals) {
        super("crawl.orders", profile, session);
        this.accountId = accountId;
        this.from = from;
        this.to = to;
        this.totals = totals;
    }

    @Override
    protected String firstToken() {
        return from + "@1";
    }

    @Override
    protected Page<OrderRows> fetch(String token) {
        String[] parts = token.split("@", 3);
        LocalDate day = LocalDate.parse(parts[0]);
        int page = Integer.parseInt(parts[1]);
        String continued = parts.length == 3 ? parts[2] : null;
        ListPage list = page(day, page);
        if (page == 1 && !profile.orderTotals().isEmpty()) {
            recordTotals(list, day);
        }
        String afterDay = day.isBefore(to) ? day.plusDays(1) + "@1" : null;
        if (!profile.linePerRow()) {
            return new Page<>(orderBlocks(list), list.url(), list.hasNext() ? day + "@" + (page + 1) : afterDay);
        }
        List<OrderRows> orders = lineRows(list, continued);
        if (!list.hasNext()) {
            return new Page<>(orders, list.url(), afterDay);
        }
        String last = orders.isEmpty() ? continued : orders.get(orders.size() - 1).head().text("orderNo");
        if (!orders.isEmpty()) {
            gatherRunOver(orders.get(orders.size() - 1), last, day, page);
        }
        return new Page<>(orders, list.url(), day + "@" + (page + 1) + (last == null ? "" : "@" + last));
    }

    private ListPage page(LocalDate day, int page) {
        ListPage list = peeked.remove(day + "@" + page);
        return list != null ? list : listPage(profile.orderList(), Map.of("date", day.toString(), "page", String.valueOf(page)));
    }

    /** One block per order: the order's fields on the block, its lines in rows inside it. */
    private List<OrderRows> orderBlocks(ListPage list) {
        List<OrderRows> orders = new ArrayList<>();
        for (RowExtractor.Row head : extractor.extract(list.rows(), profile.orderFields(), "order", list.url(),
                tally("orders"))) {
            List<Doc> lineNodes = head.node().select(profile.orderLines().rows());
            orders.add(new OrderRows(head, extractor.extract(lineNodes, profile.orderLines().fields(),
                    "order line of " + head.text("orderNo"), list.url(), tally("orderLines"))));
        }
        return orders;
    }

    /** One row per line, grouped by order number; leading rows of the order {@code continued} were handed out already. */
    private List<OrderRows> lineRows(ListPage list, String continued) {
        Map<String, List<RowExtractor.Row>> byOrder = new LinkedHashMap<>();
        boolean leading = true;
        for (RowExtractor.Row row : extractLines(list, true)) {
            String orderNo = row.text("orderNo");
            leading = leading && continued != null && continued.equals(orderNo);
            if (!leading) {
                byOrder.computeIfAbsent(orderNo == null ? "?" + byOrder.size() : orderNo, k -> new ArrayList<>()).add(row);
            }
        }
        return byOrder.values().stream().map(rows -> new OrderRows(rows.get(0), rows)).toList();
    }

    /** Adds to {@code order} its rows on the following pages, keeping those pages for when the cursor gets there. */
    private void gatherRunOver(OrderRows order, String orderNo, LocalDate day, int page) {
        for (int next = page + 1; ; next++) {
            ListPage following = listPage(profile.orderList(), Map.of("date", day.toString(), "page", String.valueOf(next)));
            peeked.put(day + "@" + next, following);
            List<RowExtractor.Row> rows = extractLines(following, false); // counted when the cursor gets there
            int same = 0;
            while (same < rows.size() && Objects.equals(orderNo, rows.get(same).text("orderNo"))) {
                order.lines().add(rows.get(same++));
            }
            if (same < rows.size() || !following.hasNext()) {
                return;
            }
        }
    }

    /** The rows of a list with one row per line, each read with the order's fields and the line's. */
    private List<RowExtractor.Row> extractLines(ListPage list, boolean counted) {
        Map<String, SiteProfile.FieldSpec> fields = new LinkedHashMap<>(profile.orderFields());
        fields.putAll(profile.orderLines().fields());
        RowExtractor.Tally orders = tally("orders");
        RowExtractor.Tally lines = tally("orderLines");
        RowExtractor.Tally tally = !counted ? RowExtractor.Tally.NONE : (field, parsed) ->
                (profile.orderLines().fields().containsKey(field) ? lines : orders).count(field, parsed);
        return new ArrayList<>(extractor.extract(list.rows(), fields, "order line", list.url(), tally));
    }

    private void recordTotals(ListPage list, LocalDate day) {
        SiteProfile.FieldSpec count = profile.orderTotals().get("count");
        SiteProfile.FieldSpec amount = profile.orderTotals().get("amount");
        totals.record(new DailyTotals(accountId, day, TOTALS_SOURCE,
                count == null ? null : (Integer) extractor.value(list.doc(), count, list.url()),
                amount == null ? null : (Money) extractor.value(list.doc(), amount, list.url())));
    }

    @Override
    protected Order map(OrderRows rows, String source) {
        if (rows.head().problem() != null) {
            throw rows.head().problem();
        }
        String orderNo = rows.head().text("orderNo");
        List<OrderLine> lines = new ArrayList<>();
        for (RowExtractor.Row line : rows.lines()) {
            if (line.problem() != null) {
                throw line.problem();
            }
            lines.add(line(orderNo, line, source));
        }
        if (lines.isEmpty()) {
            throw new MalformedRecordException(source, "order", orderNo, "lines",
                    "is empty: selector '" + profile.orderLines().rows() + "' matched no line");
        }
        long cancelled = lines.stream().filter(l -> l.status() == OrderLineStatus.CANCELLED).count();
        long unpaid = lines.stream().filter(l -> l.status() == OrderLineStatus.AWAITING_PAYMENT).count();
        Money shown = (Money) rows.head().get("total");
        Order order = new Order(accountId, orderNo, (LocalDateTime) rows.head().get("orderedAt"), null,
                Extent.of(lines.size() - unpaid, lines.size()), Extent.of(cancelled, lines.size()), null,
                sumIfAll(lines, l -> l.unitPrice() == null ? null : l.unitPrice().times(l.quantity())),
                (Money) rows.head().get("shippingFee"), sumIfAll(lines, OrderLine::couponDiscount),
                shown != null ? shown : sumIfAll(lines, OrderLine::paymentAmount), lines);
        String clash = order.lineKeyClash();
        if (clash != null) {
            throw new MalformedRecordException(source, "order", orderNo, "lineNo", "is not unique within the order: "
                    + clash + "; each line must have a key of its own (fix the profile's lineNo)");
        }
        return order;
    }

    /** A line as the row shows it; discounts and coupons are amounts taken off, whatever sign the page prints. */
    private OrderLine line(String orderNo, RowExtractor.Row line, String source) {
        Money unit = (Money) line.get("unitPrice");
        Money paid = (Money) line.get("paidAmount");
        if (unit == null && paid == null) {
            throw new MalformedRecordException(source, "order line", orderNo + " / " + line.text("lineNo"),
                    "unitPrice", "and 'paidAmount' are both missing: a line needs one of them");
        }
        String sku = line.text("sku");
        return new OrderLine(accountId, orderNo, line.text("lineNo"), line.text("productNo"), sku, sku,
                line.text("productName"), line.text("option") == null ? "" : line.text("option"),
                (Integer) line.get("quantity"), (Money) line.get("listPrice"), unit, (Money) line.get("optionPrice"),
                takenOff(line.get("discount")), takenOff(line.get("coupon")), paid, line.raw().get("status"),
                (OrderLineStatus) line.get("status"));
    }

    private static Money takenOff(Object amount) {
        return amount == null ? null : new Money(((Money) amount).amount().abs());
    }

    /** The sum when every line shows the amount, else nothing: a part is not the whole. */
    private static Money sumIfAll(List<OrderLine> lines, Function<OrderLine, Money> amount) {
        Money sum = Money.ZERO;
        for (OrderLine line : lines) {
            Money value = amount.apply(line);
            if (value == null) {
                return null;
            }
            sum = sum.plus(value);
        }
        return sum;
    }
}
