package com.mallbatch.readers.cafe24;

import com.mallbatch.readers.api.ApiClient;
import com.mallbatch.domain.MalformedRecordException;
import com.mallbatch.domain.Order;
import com.mallbatch.readers.MallApiException;
import com.mallbatch.readers.HandedOut;
import com.mallbatch.readers.PageCursorReader;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The orders of a business date, in passes over Cafe24's documented {@code date_type} filter. Pass 0 reads the orders
 * placed in the look-back window ({@code order_date}, one day per query: a query may page at most 15,000 deep). Each
 * further pass reads the orders that had a payment, shipment, claim or purchase confirmation on the business date
 * itself, whatever their order date — a return weeks after the order lands in the return passes. An order already
 * handed out (placed inside the window, or found by an earlier status pass) is passed over. The page token is
 * {@code pass@day@offset}; the orders handed out by status passes (and unreadable ones) live in the
 * ExecutionContext, so a restart neither loses nor repeats one.
 */
final class Cafe24OrderReader extends PageCursorReader<Cafe24OrderReader.Found, Order> {

    /** An order as a page held it, and whether a status pass (not the order-date pass) found it. */
    record Found(JsonNode order, boolean byStatus) {
    }

    private static final int PAGE_SIZE = 1000;
    private static final int MAX_OFFSET = 15000;
    private static final String HANDED_OUT = "handedOut";

    private final ApiClient client;
    private final long accountId;
    private final LocalDate from;
    private final LocalDate businessDate;
    private final List<String> statusDateTypes;
    private final HandedOut handedOut = new HandedOut();

    Cafe24OrderReader(ApiClient client, long accountId, LocalDate from, LocalDate businessDate,
                      List<String> statusDateTypes) {
        super("cafe24.orders");
        this.client = client;
        this.accountId = accountId;
        this.from = from;
        this.businessDate = businessDate;
        this.statusDateTypes = List.copyOf(statusDateTypes);
    }

    @Override
    protected String firstToken() {
        return token(0, from, 0);
    }

    @Override
    protected Page<Found> fetch(String token) {
        String[] parts = token.split("@");
        int pass = Integer.parseInt(parts[0]);
        LocalDate day = LocalDate.parse(parts[1]);
        int offset = Integer.parseInt(parts[2]);
        String dateType = pass == 0 ? "order_date" : statusDateTypes.get(pass - 1);
        if (offset > MAX_OFFSET) {
            throw new MallApiException("More than " + MAX_OFFSET + " orders with " + dateType + " " + day
                    + " in one Cafe24 mall: the API cannot page that far within a day");
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("start_date", day.toString());
        query.put("end_date", day.toString());
        query.put("date_type", dateType);
        query.put("embed", "items");
        query.put("limit", String.valueOf(PAGE_SIZE));
        query.put("offset", String.valueOf(offset));
        ApiClient.Reply reply = client.get("/api/v2/admin/orders", query);
        List<Found> orders = new ArrayList<>();
        reply.body().path("orders").forEach(order -> orders.add(new Found(order, pass > 0)));
        return new Page<>(orders, reply.url(), next(pass, day, offset, orders.size(), reply.pageSize()));
    }

    private String next(int pass, LocalDate day, int offset, int read, int limit) {
        if (read == limit) {
            return token(pass, day, offset + read);
        }
        if (pass == 0 && day.isBefore(businessDate)) {
            return token(0, day.plusDays(1), 0);
        }
        return pass < statusDateTypes.size() ? token(pass + 1, businessDate, 0) : null;
    }

    private static String token(int pass, LocalDate day, int offset) {
        return pass + "@" + day + "@" + offset;
    }

    @Override
    protected Order map(Found found, String source) {
        JsonNode order = found.order();
        String orderId = order.path("order_id").asString();
        if (found.byStatus() && (placedInWindow(order) || !handedOut.add(orderId))) {
            return null;
        }
        try {
            return Cafe24Mapper.order(accountId, order, source);
        } catch (MalformedRecordException e) {
            // its order date may be what is unreadable: remember it, so a status pass does not report it again
            handedOut.add(orderId);
            throw e;
        }
    }

    /** Placed inside the look-back window: pass 0 handed it out already. An unreadable date is the mapper's to report. */
    private boolean placedInWindow(JsonNode order) {
        try {
            LocalDate placed = OffsetDateTime.parse(order.path("order_date").asString())
                    .atZoneSameInstant(Cafe24Mapper.SEOUL).toLocalDate();
            return !placed.isBefore(from) && !placed.isAfter(businessDate);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    @Override
    public void open(ExecutionContext context) {
        super.open(context);
        handedOut.open(context, getExecutionContextKey(HANDED_OUT));
    }

    @Override
    public void update(ExecutionContext context) {
        super.update(context);
        handedOut.update(context, getExecutionContextKey(HANDED_OUT));
    }
}
