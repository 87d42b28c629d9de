package com.mallbatch.domain;

import java.util.Objects;

/**
 * One seller's account on one mall. {@code accountKey} is the mall's own id for the shop (Cafe24: the mall_id);
 * {@code baseUrl} overrides the platform's default API address when set, so any compatible server can be targeted;
 * {@code crawlProfile} names the site profile of a crawled account.
 */
public record MallAccount(long id, String tenantKey, Platform platform, String accountKey, String baseUrl,
                          RateBudget rateBudget, String crawlProfile, boolean enabled) {

    public MallAccount {
        Objects.requireNonNull(tenantKey, "tenantKey");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(accountKey, "accountKey");
        Objects.requireNonNull(rateBudget, "rateBudget");
    }

    /** A readable name for logs and errors; never contains a secret. */
    public String label() {
        return tenantKey + "/" + platform + "/" + accountKey;
    }
}
