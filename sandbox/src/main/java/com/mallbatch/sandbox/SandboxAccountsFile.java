package com.mallbatch.sandbox;

import com.mallbatch.sandbox.cafe24.Cafe24Mall;
import com.mallbatch.sandbox.sellercenter.SellerCenter;
import com.mallbatch.sandbox.smartstore.SmartStoreSeller;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Every mall and seller center a running sandbox plays, as mallbatch's mall-accounts file (the format the README
 * documents under "Mall accounts file"): one tenant; a {@code CAFE24} account per mall with this run's base URL, the
 * sandbox's rate limit and the mall's client id, secret and current refresh token; a {@code CRAWL} account per seller
 * center with its login and the bundled crawl profile that reads its flavour; a {@code SMARTSTORE} account per
 * SmartStore seller with its base URL (standing in for the documented {@code https://api.commerce.naver.com/external})
 * and its application's client id and secret; a seller read by a solution provider's shared application (tokens of
 * {@code type=SELLER}) also gets {@code sellerAccountId}, its seller id, which the application sends as
 * {@code account_id}.
 *
 * <p>The sandbox issues its refresh tokens afresh at every start, and its initial tokens are the same strings each
 * time (they come from the seed). An app that imported the file of an earlier run has long rotated that token, so a
 * re-import would keep the stored one, which this run does not know. Each Cafe24 account therefore carries
 * {@code reauthorizedAt}: the sandbox's start time, which the importer reads as "the seller authorized the app again"
 * and takes the file's token, once per value.
 *
 * <p>The sandbox does not see mallbatch's model, so the YAML is written here by hand: every string double-quoted
 * with YAML escapes, numbers in plain decimal notation.
 */
public final class SandboxAccountsFile {

    /** The tenant the sandbox accounts belong to unless told otherwise. */
    public static final String DEFAULT_TENANT_KEY = "sandbox";
    public static final String DEFAULT_TENANT_NAME = "샌드박스 셀러";

    private static final DateTimeFormatter MARKER = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    private SandboxAccountsFile() {
    }

    /** Writes the file for tenant {@link #DEFAULT_TENANT_KEY}. */
    public static Path write(SandboxServer sandbox, Path file) throws IOException {
        return write(sandbox, file, DEFAULT_TENANT_KEY, DEFAULT_TENANT_NAME);
    }

    /**
     * Writes the accounts file of {@code sandbox} to {@code file} (replacing it whole, never leaving half a file),
     * creating missing parent directories.
     *
     * @return {@code file}
     */
    public static Path write(SandboxServer sandbox, Path file, String tenantKey, String tenantName) throws IOException {
        Path target = file.toAbsolutePath();
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(temp, yaml(sandbox, tenantKey, tenantName), StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return file;
    }

    /** The file's text: what {@link #write} writes. */
    public static String yaml(SandboxServer sandbox, String tenantKey, String tenantName) {
        String reauthorizedAt = reauthorizedAt(sandbox);
        SandboxConfig config = sandbox.config();
        StringBuilder y = new StringBuilder();
        y.append("# mall accounts for the mallbatch sandbox at ").append(sandbox.baseUrl())
                .append(", started ").append(reauthorizedAt).append('\n');
        y.append("# ").append(config.cafe24Malls()).append(" Cafe24 mall(s), ")
                .append(config.smartStoreSellers()).append(" SmartStore seller(s), ")
                .append(sandbox.sellerCenters().centers().size()).append(" seller center(s), seed ")
                .append(config.seed()).append(". Valid while this sandbox runs; it rewrites the file at every start.\n");
        y.append("# Point the app at it: --mallbatch.accounts-file=<this file>\n");
        y.append("tenants:\n");
        y.append("  - key: ").append(quote(tenantKey)).append('\n');
        y.append("    name: ").append(quote(tenantName)).append('\n');
        y.append("    accounts:");
        if (config.cafe24Malls() == 0 && config.smartStoreSellers() == 0 && sandbox.sellerCenters().centers().isEmpty()) {
            y.append(" []");
        }
        y.append('\n');
        for (Cafe24Mall mall : sandbox.cafe24().malls()) {
            y.append("      - platform: CAFE24\n");
            y.append("        accountKey: ").append(quote(mall.mallId())).append('\n');
            y.append("        baseUrl: ").append(quote(sandbox.cafe24BaseUrl(mall.mallId()))).append('\n');
            y.append("        rateLimit: {bucket: ").append(config.bucketCapacity()).append(", leakPerSecond: ")
                    .append(decimal(config.leakPerSecond())).append("}\n");
            y.append("        enabled: true\n");
            y.append("        credentials:\n");
            y.append("          clientId: ").append(quote(mall.clientId())).append('\n');
            y.append("          clientSecret: ").append(quote(mall.clientSecret())).append('\n');
            y.append("          refreshToken: ").append(quote(mall.currentRefreshToken())).append('\n');
            y.append("          reauthorizedAt: ").append(quote(reauthorizedAt)).append('\n');
        }
        for (SmartStoreSeller seller : sandbox.smartStore().sellers()) {
            y.append("      - platform: SMARTSTORE\n");
            y.append("        accountKey: ").append(quote(seller.sellerId())).append('\n');
            y.append("        baseUrl: ").append(quote(sandbox.smartStoreBaseUrl(seller.sellerId())))
                    .append("   # token type ").append(seller.tokenType()).append('\n');
            y.append("        enabled: true\n");
            y.append("        credentials:\n");
            y.append("          clientId: ").append(quote(seller.clientId())).append('\n');
            y.append("          clientSecret: ").append(quote(seller.clientSecret())).append('\n');
            if (seller.tokenType().equals("SELLER")) {
                // a solution's application reads this seller with type=SELLER and the seller as account_id
                y.append("          sellerAccountId: ").append(quote(seller.sellerId())).append('\n');
            }
        }
        for (SellerCenter center : sandbox.sellerCenters().centers()) {
            y.append("      - platform: CRAWL\n");
            y.append("        accountKey: ").append(quote(center.id())).append('\n');
            y.append("        baseUrl: ").append(quote(sandbox.sellerCenterBaseUrl(center.id()))).append('\n');
            y.append("        crawlProfile: ").append(quote(center.crawlProfile()))
                    .append("   # reads the '").append(center.flavour()).append("' seller center\n");
            y.append("        enabled: true\n");
            y.append("        credentials:\n");
            y.append("          username: ").append(quote(center.username())).append('\n');
            y.append("          password: ").append(quote(center.password())).append('\n');
        }
        return y.toString();
    }

    /** The sandbox's start time in Asia/Seoul, to the millisecond: the re-authorization marker of its Cafe24 accounts. */
    public static String reauthorizedAt(SandboxServer sandbox) {
        return OffsetDateTime.ofInstant(sandbox.startedAt(), SandboxConfig.SEOUL)
                .format(MARKER);
    }

    /**
     * {@code value} as a YAML double-quoted scalar: always a string, whatever it looks like ({@code yes}, {@code 012},
     * {@code 2026-11-28}, {@code #x}, {@code : }), with backslash, quote, control and line-separator characters escaped.
     */
    static String quote(String value) {
        StringBuilder q = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' || c == '\ufeff') {
                        q.append(String.format("\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }

    /** Plain decimal notation ({@code 2.0}, {@code 0.0001}), which every YAML parser reads as a number. */
    private static String decimal(double value) {
        String plain = BigDecimal.valueOf(value).toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }
}
