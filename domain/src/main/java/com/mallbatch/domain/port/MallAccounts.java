package com.mallbatch.domain.port;

import com.mallbatch.domain.MallAccount;

import java.util.List;

/** Where the mall accounts live. */
public interface MallAccounts {

    /** Enabled accounts in a stable order (by id), so partitioning is deterministic across restarts. */
    List<MallAccount> enabled();

    MallAccount byId(long id);
}
