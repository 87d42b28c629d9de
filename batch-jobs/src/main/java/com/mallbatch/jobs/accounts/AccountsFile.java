package com.mallbatch.jobs.accounts;

import com.mallbatch.domain.Platform;
import com.mallbatch.domain.RateBudget;
import com.mallbatch.domain.port.MallCredentials;
import com.mallbatch.readers.YamlTree;
import com.mallbatch.writers.mysql.JdbcMallAccounts.Registration;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mall-accounts YAML file (format in the README). Every problem is reported with the file and the path of the
 * entry, e.g. {@code accounts.yml: tenants[0].accounts[2].platform: 'CAFE42' is not one of [CAFE24, …]}.
 */
public final class AccountsFile {

    private AccountsFile() {
    }

    public static List<Registration> read(Path file) {
        YamlTree root;
        try {
            root = YamlTree.parse(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be read: " + e.getMessage(), e);
        }
        List<Registration> registrations = new ArrayList<>();
        for (YamlTree tenant : root.get("tenants").list()) {
            String key = tenant.text("key");
            String name = tenant.text("name", key);
            for (YamlTree account : tenant.get("accounts").list()) {
                registrations.add(account(account, key, name));
            }
        }
        return registrations;
    }

    private static Registration account(YamlTree a, String tenantKey, String tenantName) {
        Platform platform;
        try {
            platform = Platform.valueOf(a.text("platform").toUpperCase());
        } catch (IllegalArgumentException e) {
            throw a.problem("platform", "'" + a.text("platform") + "' is not one of " + List.of(Platform.values()));
        }
        YamlTree rate = a.getOrEmpty("rateLimit");
        RateBudget budget = new RateBudget(rate.number("bucket", RateBudget.CAFE24_DEFAULT.capacity()).intValue(),
                rate.number("leakPerSecond", RateBudget.CAFE24_DEFAULT.leakPerSecond()).doubleValue());
        YamlTree c = a.get("credentials");
        return new Registration(tenantKey, tenantName, platform, a.text("accountKey"), a.text("baseUrl", null), budget,
                platform == Platform.CRAWL ? required(a, "crawlProfile", "the site profile that reads this seller center, "
                        + "e.g. stylemarket") : a.text("crawlProfile", null), a.flag("enabled", true), credentials(platform, c),
                c.text("reauthorizedAt", null));
    }

    /** The secrets each platform cannot work without; a crawled account's login takes the client id and secret slots. */
    private static MallCredentials credentials(Platform platform, YamlTree c) {
        return switch (platform) {
            case CAFE24 -> new MallCredentials(c.text("clientId"), c.text("clientSecret"), required(c, "refreshToken",
                    "Cafe24 rotates it on every refresh; take it from the app's install (authorization code) flow"),
                    null, null);
            // an agency or solution application reads a seller's store on its behalf: the seller's account id
            case SMARTSTORE -> new MallCredentials(c.text("clientId"), c.text("clientSecret"),
                    c.text("sellerAccountId", null), null, null);
            case CRAWL -> new MallCredentials(c.text("username"), c.text("password"), null, null, null);
        };
    }

    private static String required(YamlTree c, String key, String why) {
        if (!c.has(key) || c.text(key).isBlank()) {
            throw c.problem(key, "is missing (" + why + ")");
        }
        return c.text(key);
    }

    /** Writes registrations in this format (for bootstrap scripts and the demo); {@link #read} gives them back. */
    public static Path write(Path file, List<Registration> registrations) throws IOException {
        Map<String, Map<String, Object>> tenants = new LinkedHashMap<>();
        for (Registration r : registrations) {
            Map<String, Object> tenant = tenants.computeIfAbsent(r.tenantKey(), key -> {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("key", key);
                t.put("name", r.tenantName());
                t.put("accounts", new ArrayList<Map<String, Object>>());
                return t;
            });
            Map<String, Object> account = new LinkedHashMap<>();
            account.put("platform", r.platform().name());
            account.put("accountKey", r.accountKey());
            if (r.baseUrl() != null) {
                account.put("baseUrl", r.baseUrl());
            }
            account.put("rateLimit", Map.of("bucket", r.rateBudget().capacity(), "leakPerSecond", r.rateBudget().leakPerSecond()));
            if (r.crawlProfile() != null) {
                account.put("crawlProfile", r.crawlProfile());
            }
            account.put("enabled", r.enabled());
            if (r.credentials() != null) {
                Map<String, Object> c = new LinkedHashMap<>();
                boolean crawled = r.platform() == Platform.CRAWL;
                c.put(crawled ? "username" : "clientId", r.credentials().clientId());
                c.put(crawled ? "password" : "clientSecret", r.credentials().clientSecret());
                if (r.credentials().refreshToken() != null) {
                    c.put(r.platform() == Platform.SMARTSTORE ? "sellerAccountId" : "refreshToken",
                            r.credentials().refreshToken());
                }
                if (r.reauthorizedAt() != null) {
                    c.put("reauthorizedAt", r.reauthorizedAt());
                }
                account.put("credentials", c);
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> accounts = (List<Map<String, Object>>) tenant.get("accounts");
            accounts.add(account);
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return Files.writeString(file, new Yaml(options).dump(Map.of("tenants", new ArrayList<>(tenants.values()))));
    }
}
