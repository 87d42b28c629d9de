package com.mallbatch.jobs.launch;

import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.port.MallAccounts;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.job.parameters.JobParametersValidator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which accounts a run of a per-account job covers: the identifying job parameters {@code tenant} (one tenant's
 * accounts) and {@code accounts} (labels like {@code acme/CAFE24/acmeshop} joined by {@code +}; a comma would name a
 * type to Spring Batch). Neither given: every enabled account. The labels are kept sorted, so the same subset names the
 * same job instance however it was typed.
 */
public record AccountSelection(String tenant, SortedSet<String> accounts) {

    public static final String TENANT = "tenant";
    public static final String ACCOUNTS = "accounts";
    public static final AccountSelection ALL = new AccountSelection(null, new TreeSet<>());

    public AccountSelection {
        tenant = tenant == null || tenant.isBlank() ? null : tenant.strip();
        accounts = new TreeSet<>(accounts);
    }

    public static AccountSelection of(String tenant, List<String> labels) {
        return new AccountSelection(tenant, labels.stream().filter(label -> label != null && !label.isBlank())
                .map(String::strip).collect(Collectors.toCollection(TreeSet::new)));
    }

    public static AccountSelection of(JobParameters parameters) {
        return parse(parameters.getString(TENANT), parameters.getString(ACCOUNTS));
    }

    /** From the parameters' values, either of them null: {@code accounts} joined by {@code +}. */
    public static AccountSelection parse(String tenant, String accounts) {
        return of(tenant, accounts == null ? List.of() : Arrays.asList(accounts.split("\\+")));
    }

    public boolean includes(MallAccount account) {
        return (tenant == null || tenant.equals(account.tenantKey()))
                && (accounts.isEmpty() || accounts.contains(account.label()));
    }

    /** Adds {@code tenant} and {@code accounts} as identifying parameters, when given. */
    public JobParametersBuilder addTo(JobParametersBuilder parameters) {
        if (tenant != null) {
            parameters.addString(TENANT, tenant);
        }
        if (!accounts.isEmpty()) {
            parameters.addString(ACCOUNTS, String.join("+", accounts));
        }
        return parameters;
    }

    /** What is wrong with this selection among the enabled accounts: an unknown tenant or account, one of another tenant. */
    public List<LaunchProblem> problems(List<MallAccount> enabled) {
        List<LaunchProblem> problems = new ArrayList<>();
        Set<String> tenants = enabled.stream().map(MallAccount::tenantKey).collect(Collectors.toCollection(TreeSet::new));
        if (tenant != null && !tenants.contains(tenant)) {
            problems.add(LaunchProblem.of(TENANT, "tenant.unknown", "tenant '" + tenant + "' has no enabled account; "
                    + "the tenants are " + tenants, tenant));
        }
        for (String label : accounts) {
            MallAccount account = enabled.stream().filter(a -> a.label().equals(label)).findFirst().orElse(null);
            if (account == null) {
                problems.add(LaunchProblem.of(ACCOUNTS, "account.unknown", "no enabled mall account '" + label
                        + "' (accounts are named tenant/PLATFORM/accountKey, e.g. acme/CAFE24/acmeshop)", label));
            } else if (tenant != null && !tenant.equals(account.tenantKey())) {
                problems.add(LaunchProblem.of(ACCOUNTS, "account.otherTenant", "account '" + label
                        + "' belongs to tenant '" + account.tenantKey() + "', not '" + tenant + "'", label, tenant));
            }
        }
        return problems;
    }

    /** The jobs' check of {@code tenant} and {@code accounts}, before Spring Batch creates an instance. */
    public static JobParametersValidator validator(MallAccounts accounts) {
        return parameters -> {
            if (parameters == null) {
                return;
            }
            List<LaunchProblem> problems = of(parameters).problems(accounts.enabled());
            if (!problems.isEmpty()) {
                throw new InvalidJobParametersException(problems.stream().map(LaunchProblem::message)
                        .collect(Collectors.joining("; ")));
            }
        };
    }
}
