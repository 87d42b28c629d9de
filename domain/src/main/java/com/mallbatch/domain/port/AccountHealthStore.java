package com.mallbatch.domain.port;

import com.mallbatch.domain.AccountHealth;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** Where each account's health is kept; every change is one atomic statement, safe under concurrent partitions. */
public interface AccountHealthStore {

    AccountHealth get(long accountId);

    List<AccountHealth> all();

    /** A complete collect of {@code businessDate}: the streak ends. Returns the health after it. */
    AccountHealth succeeded(long accountId, LocalDate businessDate);

    /** A failed run: the streak grows by one. Returns the health after it. */
    AccountHealth failed(long accountId, LocalDateTime at, String stage, String message);

    void pause(long accountId, String reason, LocalDateTime at);

    /** Back to normal: not paused, no streak. */
    void resume(long accountId);
}
