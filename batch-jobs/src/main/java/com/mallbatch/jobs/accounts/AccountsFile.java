package com.mallbatch.jobs.accounts;

import com.mallbatch.domain.Platform;
import com.mallbatch.domain.RateBudget;
import com.mallbatch.domain.port.MallCredentials;
import com.mallbatch.writers.mysql.JdbcMallAccounts.Registration;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
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

    private final Path file;

    public AccountsFile(Path file) {
        this.file = file;
    }

    public List<Registration> registrations() {
        Object root;
        try (InputStream in = Files.newInputStream(file)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": is not valid YAML: " + e.getMessage(), e);
        }
        List<Registration> registrations = new ArrayList<>();
        List<?> tenants = list(map(root, "(root)"), "tenants", "tenants");
        for (int t = 0; t < tenants.size(); t++) {
            String tp = "tenants[" + t + "]";
            Map<?, ?> tenant = map(tenants.get(t), tp);
            String tenantKey = text(tenant, "key", tp, true);
            String tenantName = text(tenant, "name", tp, false);
            List<?> accounts = list(tenant, "accounts", tp + ".accounts");
            for (int a = 0; a < accounts.size(); a++) {
                registrations.add(account(map(accounts.get(a), tp + ".accounts[" + a + "]"), tenantKey,
                        tenantName == null ? tenantKey : tenantName, tp + ".accounts[" + a + "]"));
            }
        }
        return registrations;
    }

    private Registration account(Map<?, ?> a, String tenantKey, String tenantName, String path) {
        String platformText = text(a, "platform", path, true);
        Platform platform;
        try {
            platform = Platform.valueOf(platformText.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw problem(path + ".platform", "'" + platformText + "' is not one of " + List.of(Platform.values()));
        }
        Map<?, ?> rate = a.get("rateLimit") == null ? Map.of() : map(a.get("rateLimit"), path + ".rateLimit");
        RateBudget budget = new RateBudget(
                number(rate, "bucket", path + ".rateLimit", RateBudget.CAFE24_DEFAULT.capacity()).intValue(),
                number(rate, "leakPerSecond", path + ".rateLimit", RateBudget.CAFE24_DEFAULT.leakPerSecond()).doubleValue());
        MallCredentials credentials = null;
        if (a.get("credentials") != null) {
            Map<?, ?> c = map(a.get("credentials"), path + ".credentials");
            // a crawled account logs in with username and password; they take the client id and secret slots
            String id = c.get("username") != null ? text(c, "username", path + ".credentials", false)
                    : text(c, "clientId", path + ".credentials", false);
            String secret = c.get("password") != null ? text(c, "password", path + ".credentials", false)
                    : text(c, "clientSecret", path + ".credentials", false);
            credentials = new MallCredentials(id, secret, text(c, "refreshToken", path + ".credentials", false), null, null);
        }
        Object enabled = a.get("enabled");
        return new Registration(tenantKey, tenantName, platform, text(a, "accountKey", path, true),
                text(a, "baseUrl", path, false), budget, text(a, "crawlProfile", path, false),
                enabled == null || Boolean.TRUE.equals(enabled), credentials);
    }

    private Map<?, ?> map(Object value, String path) {
        if (value instanceof Map<?, ?> m) {
            return m;
        }
        throw problem(path, "should be a mapping");
    }

    private List<?> list(Map<?, ?> parent, String key, String path) {
        Object value = parent.get(key);
        if (value instanceof List<?> l) {
            return l;
        }
        throw problem(path, value == null ? "is missing" : "should be a list");
    }

    private String text(Map<?, ?> parent, String key, String path, boolean required) {
        Object value = parent.get(key);
        if (value == null) {
            if (required) {
                throw problem(path + "." + key, "is missing");
            }
            return null;
        }
        return value.toString();
    }

    private Number number(Map<?, ?> parent, String key, String path, Number fallback) {
        Object value = parent.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n) {
            return n;
        }
        throw problem(path + "." + key, "should be a number, got '" + value + "'");
    }

    private IllegalArgumentException problem(String path, String message) {
        return new IllegalArgumentException(file + ": " + path + ": " + message);
    }

    /** Convenience for callers that only have the file's path. */
    public static List<Registration> read(Path file) {
        return new AccountsFile(file).registrations();
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
                    c.put("refreshToken", r.credentials().refreshToken());
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
