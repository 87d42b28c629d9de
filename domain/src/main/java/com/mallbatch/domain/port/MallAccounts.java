package com.mallbatch.domain.port;

import com.mallbatch.domain.MallAccount;

import java.util.List;

/** Where the mall accounts live. */
public interface MallAccounts {

    /** Enabled accounts in a stable order (by id), so partitioning is deterministic across restarts. */
    List<MallAccount> enabled();

    MallAccount byId(long id);

    /**
     * The enabled account named {@code tenant/PLATFORM/accountKey}.
     *
     * @throws IllegalArgumentException naming the account and the expected form, when there is none
     */
    default MallAccount byLabel(String label) {
        return enabled().stream().filter(a -> a.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No enabled mall account '" + label
                        + "' (accounts are named tenant/PLATFORM/accountKey, e.g. acme/CAFE24/acmeshop)"));
    }
}
