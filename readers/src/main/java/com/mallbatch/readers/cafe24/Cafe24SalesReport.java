package com.mallbatch.readers.cafe24;

import com.mallbatch.domain.DailyTotals;
import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.ReportNotReadyException;
import com.mallbatch.readers.api.ApiClient;
import com.mallbatch.readers.api.JsonFields;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A mall's daily sales report of one day ({@code GET /api/v2/admin/financials/dailysales}, scope
 * {@code mall.read_salesreport}), one call through the mall's client, so its bucket, token and retries are the ones
 * collect uses. Cafe24 settles a day's figures the next morning ({@code mallbatch.cafe24.report-ready-at}, 06:00): asked
 * before then, the day is not ready and the mall is not asked at all (it could show a half day); asked later, a day the
 * answer leaves out is not ready either: Cafe24 is late.
 */
final class Cafe24SalesReport {

    static final String SOURCE = "CAFE24_DAILYSALES";
    static final String PATH = "/api/v2/admin/financials/dailysales";
    /** What a 403 of this call means and what to do, after Cafe24's own message. */
    static final String FORBIDDEN_HINT = "the daily sales report needs the app scope mall.read_salesreport (매출통계 읽기), "
            + "and Cafe24 opens this API to approved apps only: add the scope to the app and have the seller re-authorize "
            + "it (then import the new refresh token), or ask Cafe24 to enable the API for the app";

    private final ApiClient client;
    private final MallAccount account;
    private final LocalTime readyAt;
    private final Clock clock;

    Cafe24SalesReport(ApiClient client, MallAccount account, LocalTime readyAt, Clock clock) {
        this.client = client;
        this.account = account;
        this.readyAt = readyAt;
        this.clock = clock;
    }

    DailyTotals read(LocalDate day) {
        LocalDateTime due = day.plusDays(1).atTime(readyAt);
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), JsonFields.SEOUL);
        if (now.isBefore(due)) {
            throw new ReportNotReadyException(day, due, "Cafe24 publishes the daily sales of " + day + " at " + due
                    + " (mallbatch.cafe24.report-ready-at); it is " + now.withNano(0) + " for " + account.label());
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("start_date", day.toString());
        query.put("end_date", day.toString());
        ApiClient.Reply reply = client.get(PATH, query);
        DailyTotals totals = Cafe24Mapper.dailySales(account.id(), day, reply.body(), reply.url());
        if (totals == null) {
            throw new ReportNotReadyException(day, due, "Cafe24 has not published the daily sales of " + day + " for "
                    + account.label() + " yet (due at " + due + "; " + reply.url() + " left the day out)");
        }
        return totals;
    }
}
