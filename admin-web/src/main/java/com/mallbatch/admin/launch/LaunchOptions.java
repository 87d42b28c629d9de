package com.mallbatch.admin.launch;

import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.port.MallAccounts;
import com.mallbatch.jobs.launch.Backfill;
import com.mallbatch.jobs.launch.BackfillProperties;
import com.mallbatch.jobs.launch.JobLaunchService;
import com.mallbatch.jobs.support.BusinessDate;
import org.springframework.stereotype.Service;

import java.util.List;

/** What the launch form offers: the jobs that run for a business date, the tenants and their enabled accounts. */
@Service
public class LaunchOptions {

    private final JobLaunchService launches;
    private final MallAccounts accounts;
    private final Backfill backfill;

    public LaunchOptions(JobLaunchService launches, MallAccounts accounts, Backfill backfill) {
        this.launches = launches;
        this.accounts = accounts;
        this.backfill = backfill;
    }

    public List<String> jobs() {
        return launches.jobNames().stream().filter(BusinessDate.DAILY_JOBS::contains).toList();
    }

    public List<String> tenants() {
        return accounts.enabled().stream().map(MallAccount::tenantKey).distinct().sorted().toList();
    }

    /** Every enabled account's label ({@code tenant/PLATFORM/accountKey}), sorted. */
    public List<String> accounts() {
        return accounts.enabled().stream().map(MallAccount::label).sorted().toList();
    }

    public BackfillProperties limits() {
        return backfill.properties();
    }
}
