package com.mallbatch.admin.accounts.web;

import com.mallbatch.admin.accounts.AccountQueries;
import com.mallbatch.domain.Platform;
import com.mallbatch.domain.RateBudget;
import com.mallbatch.domain.port.MallCredentials;
import com.mallbatch.jobs.accounts.MallAccountEditing.Entry;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The add and edit form of an account. The three secrets are write-only: bound from the request, never filled from
 * what is stored and never rendered back (the template has no value for them), so an empty one keeps the stored one.
 */
public class AccountForm {

    /** The fields a request may bind; anything else is ignored. */
    static final String[] FIELDS = {"tenantKey", "tenantName", "platform", "accountKey", "baseUrl", "rateCapacity",
            "rateLeakPerSecond", "crawlProfile", "enabled", "clientId", "clientSecret", "refreshToken"};

    @Size(max = 64)
    private String tenantKey;
    @Size(max = 200)
    private String tenantName;
    private Platform platform;
    @Size(max = 100)
    private String accountKey;
    @Size(max = 500)
    private String baseUrl;
    @NotNull
    @Min(1)
    private Integer rateCapacity = RateBudget.CAFE24_DEFAULT.capacity();
    @NotNull
    @DecimalMin(value = "0.001")
    private Double rateLeakPerSecond = RateBudget.CAFE24_DEFAULT.leakPerSecond();
    @Size(max = 100)
    private String crawlProfile;
    private boolean enabled = true;
    private String clientId;
    private String clientSecret;
    private String refreshToken;

    /** The edit form of a stored account: everything but its secrets. */
    static AccountForm of(AccountQueries.Details account) {
        AccountForm form = new AccountForm();
        AccountQueries.Summary s = account.summary();
        form.tenantKey = s.tenantKey();
        form.tenantName = s.tenantName();
        form.platform = s.platform();
        form.accountKey = s.accountKey();
        form.baseUrl = account.baseUrl();
        form.rateCapacity = account.rateCapacity();
        form.rateLeakPerSecond = account.rateLeakPerSecond();
        form.crawlProfile = s.crawlProfile();
        form.enabled = s.enabled();
        return form;
    }

    Entry entry() {
        return new Entry(tenantKey, tenantName, platform, accountKey, baseUrl, rateCapacity, rateLeakPerSecond,
                crawlProfile, enabled, new MallCredentials(clientId, clientSecret, refreshToken, null, null));
    }

    public String getTenantKey() { return tenantKey; }
    public void setTenantKey(String tenantKey) { this.tenantKey = tenantKey; }
    public String getTenantName() { return tenantName; }
    public void setTenantName(String tenantName) { this.tenantName = tenantName; }
    public Platform getPlatform() { return platform; }
    public void setPlatform(Platform platform) { this.platform = platform; }
    public String getAccountKey() { return accountKey; }
    public void setAccountKey(String accountKey) { this.accountKey = accountKey; }
    public String getBaseUrl() { return baseUrl; }
    public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl; }
    public Integer getRateCapacity() { return rateCapacity; }
    public void setRateCapacity(Integer rateCapacity) { this.rateCapacity = rateCapacity; }
    public Double getRateLeakPerSecond() { return rateLeakPerSecond; }
    public void setRateLeakPerSecond(Double rateLeakPerSecond) { this.rateLeakPerSecond = rateLeakPerSecond; }
    public String getCrawlProfile() { return crawlProfile; }
    public void setCrawlProfile(String crawlProfile) { this.crawlProfile = crawlProfile; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }

    // Write-only: a secret reads as empty, so no page (nor a binding error) can show what was typed or stored.
    public String getClientId() { return null; }
    public void setClientId(String clientId) { this.clientId = clientId; }
    public String getClientSecret() { return null; }
    public void setClientSecret(String clientSecret) { this.clientSecret = clientSecret; }
    public String getRefreshToken() { return null; }
    public void setRefreshToken(String refreshToken) { this.refreshToken = refreshToken; }
}
