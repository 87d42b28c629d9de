package com.mallbatch.readers.cafe24;

import com.mallbatch.readers.api.ApiSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/**
 * How the Cafe24 client behaves ({@code mallbatch.cafe24.*}).
 *
 * @param apiVersion        sent as X-Cafe24-Api-Version
 * @param connectTimeout    TCP connect timeout
 * @param readTimeout       time to wait for a response; a stalled call is retried
 * @param maxRetries        retries of a transient failure (I/O, 5xx, 429, truncated JSON) before the step fails
 * @param initialBackoff    first retry delay, doubled each time
 * @param maxBackoff        longest retry delay
 * @param maxCallsPerSecond spacing between calls to one mall; Cafe24 treats more than 10 a second from one IP as
 *                          abnormal even inside the bucket
 * @param statusDateTypes   the order list's {@code date_type} values read for the business date besides the order
 *                          date, so that payments, shipments, claims and confirmations of older orders are seen
 * @param reportReadyAt     when Cafe24 has published a day's sales report: day D's at this time on D+1 (Asia/Seoul);
 *                          asked earlier, the report is not ready ({@code ReportNotReadyException}) without a call
 */
@ConfigurationProperties("mallbatch.cafe24")
public record Cafe24Settings(@DefaultValue("2025-12-01") String apiVersion, @DefaultValue("5s") Duration connectTimeout,
                             @DefaultValue("20s") Duration readTimeout, @DefaultValue("8") int maxRetries,
                             @DefaultValue("250ms") Duration initialBackoff, @DefaultValue("8s") Duration maxBackoff,
                             @DefaultValue("10") double maxCallsPerSecond, List<String> statusDateTypes,
                             @DefaultValue("06:00") LocalTime reportReadyAt) {

    /** Cafe24's sales figures of a day settle the next morning. */
    public static final LocalTime REPORT_READY_AT = LocalTime.of(6, 0);

    public Cafe24Settings {
        statusDateTypes = statusDateTypes == null || statusDateTypes.isEmpty() ? STATUS_DATE_TYPES : List.copyOf(statusDateTypes);
        reportReadyAt = reportReadyAt == null ? REPORT_READY_AT : reportReadyAt;
    }


    /** The platform-neutral part, for the shared client. */
    public ApiSettings api() {
        return new ApiSettings(connectTimeout, readTimeout, maxRetries, initialBackoff, maxBackoff);
    }

    /**
     * Every documented date type that marks a change of an item's status and has a date field of its own on the item
     * or order, so what a pass found can be checked against the order it returns.
     */
    public static final List<String> STATUS_DATE_TYPES = List.of("pay_date", "shipbegin_date", "shipend_date",
            "cancel_request_date", "cancel_complete_date", "return_request_date", "return_accept_date",
            "return_complete_date", "exchange_request_date", "exchange_complete_date", "purchaseconfirmation_date");

    public static Cafe24Settings defaults() {
        return new Cafe24Settings("2025-12-01", Duration.ofSeconds(5), Duration.ofSeconds(20), 8,
                Duration.ofMillis(250), Duration.ofSeconds(8), 10, STATUS_DATE_TYPES, REPORT_READY_AT);
    }

    public Cafe24Settings withReadTimeout(Duration timeout) {
        return new Cafe24Settings(apiVersion, connectTimeout, timeout, maxRetries, initialBackoff, maxBackoff,
                maxCallsPerSecond, statusDateTypes, reportReadyAt);
    }

    public Cafe24Settings withRetries(int retries, Duration firstBackoff, Duration longestBackoff) {
        return new Cafe24Settings(apiVersion, connectTimeout, readTimeout, retries, firstBackoff, longestBackoff,
                maxCallsPerSecond, statusDateTypes, reportReadyAt);
    }

    public Cafe24Settings withMaxCallsPerSecond(double rate) {
        return new Cafe24Settings(apiVersion, connectTimeout, readTimeout, maxRetries, initialBackoff, maxBackoff, rate,
                statusDateTypes, reportReadyAt);
    }

    public Cafe24Settings withReportReadyAt(LocalTime time) {
        return new Cafe24Settings(apiVersion, connectTimeout, readTimeout, maxRetries, initialBackoff, maxBackoff,
                maxCallsPerSecond, statusDateTypes, time);
    }
}
