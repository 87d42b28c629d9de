package com.mallbatch.admin.launch.web;

import com.mallbatch.jobs.launch.AccountSelection;
import com.mallbatch.jobs.launch.Backfill;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The launch form: a job, a business date or the first and last of a range, how many at a time, tenant, accounts. */
public class LaunchForm {

    private String job;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate from;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate to;
    private Integer concurrency;
    private String tenant;
    private List<String> accounts = new ArrayList<>();

    Backfill.Request request() {
        return new Backfill.Request(job, from, to, AccountSelection.of(tenant, accounts), concurrency);
    }

    public String getJob() {
        return job;
    }

    public void setJob(String job) {
        this.job = job;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public Integer getConcurrency() {
        return concurrency;
    }

    public void setConcurrency(Integer concurrency) {
        this.concurrency = concurrency;
    }

    public String getTenant() {
        return tenant;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant;
    }

    public List<String> getAccounts() {
        return accounts;
    }

    public void setAccounts(List<String> accounts) {
        this.accounts = accounts == null ? new ArrayList<>() : accounts;
    }
}
