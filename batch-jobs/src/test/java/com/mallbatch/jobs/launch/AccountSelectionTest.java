package com.mallbatch.jobs.launch;

import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.Platform;
import com.mallbatch.domain.RateBudget;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A run's tenant and accounts: which accounts it covers, and the jobs' validator refusing a name that is not there. */
class AccountSelectionTest {

    static final MallAccount ONE = account(1, "acme", "one");
    static final MallAccount TWO = account(2, "acme", "two");
    static final MallAccount THREE = account(3, "beta", "three");

    @Test
    void aTenantAndASubsetOfItsAccounts() {
        AccountSelection selection = AccountSelection.of(new JobParametersBuilder().addString("tenant", "acme")
                .addString("accounts", "acme/CAFE24/two").toJobParameters());
        assertThat(List.of(ONE, TWO, THREE)).filteredOn(selection::includes).containsExactly(TWO);
        assertThat(List.of(ONE, TWO, THREE)).filteredOn(AccountSelection.ALL::includes).containsExactly(ONE, TWO, THREE);
        assertThat(List.of(ONE, TWO, THREE)).filteredOn(AccountSelection.of("beta", List.of())::includes)
                .containsExactly(THREE);
    }

    @Test
    void theSameSubsetTypedInAnotherOrderNamesTheSameInstance() {
        assertThat(AccountSelection.of(null, List.of("acme/CAFE24/two", " acme/CAFE24/one", ""))
                .addTo(new JobParametersBuilder()).toJobParameters().getString("accounts"))
                .isEqualTo("acme/CAFE24/one+acme/CAFE24/two");
    }

    @Test
    void theJobsValidatorRefusesAnUnknownTenantOrAccountAndAnAccountOfAnotherTenant() throws Exception {
        var validator = AccountSelection.validator(new com.mallbatch.domain.port.MallAccounts() {
            @Override
            public List<MallAccount> enabled() {
                return List.of(ONE, TWO, THREE);
            }

            @Override
            public MallAccount byId(long id) {
                throw new UnsupportedOperationException();
            }
        });
        assertThatThrownBy(() -> validator.validate(new JobParametersBuilder().addString("tenant", "gamma")
                .toJobParameters())).isInstanceOf(InvalidJobParametersException.class)
                .hasMessage("tenant 'gamma' has no enabled account; the tenants are [acme, beta]");
        assertThatThrownBy(() -> validator.validate(new JobParametersBuilder().addString("tenant", "beta")
                .addString("accounts", "acme/CAFE24/one+acme/CAFE24/nine").toJobParameters()))
                .hasMessageContaining("account 'acme/CAFE24/one' belongs to tenant 'acme', not 'beta'")
                .hasMessageContaining("no enabled mall account 'acme/CAFE24/nine'");
        validator.validate(new JobParametersBuilder().addString("businessDate", "2026-11-20").toJobParameters());
    }

    private static MallAccount account(long id, String tenant, String key) {
        return new MallAccount(id, tenant, Platform.CAFE24, key, null, RateBudget.CAFE24_DEFAULT, null, true);
    }
}
