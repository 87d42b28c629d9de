package com.mallbatch.sandbox.smartstore;

import org.springframework.security.crypto.bcrypt.BCrypt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Commerce API application (애플리케이션) registered in the API center: its client id, its client secret (a bcrypt
 * salt such as {@code $2a$04$…}), the sellers whose resources it may read, the tokens it was issued, and the gateway's
 * token buckets, one per API, which every seller of the application shares.
 * <p>
 * An own-store application (내스토어 애플리케이션) reads one seller, with tokens of {@code type=SELF}; a solution
 * provider's application reads several, with tokens of {@code type=SELLER} and the seller as {@code account_id}.
 */
final class SmartStoreApplication {

    /** Documented: a token lives 3 hours. */
    static final Duration TOKEN_TTL = Duration.ofSeconds(10_800);
    /** Documented: while the current token has at least 30 minutes left, asking again returns the same token. */
    static final Duration REUSE_WHILE = Duration.ofMinutes(30);

    private static final String BCRYPT_BASE64 = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String clientId;
    private final String clientSecret;
    private final int ratePerSecond;
    private final boolean ownStore;
    private final List<SmartStoreSeller> sellers = new ArrayList<>();
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    /** Every token issued and not yet forgotten, by its value; old tokens work until they expire. */
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    /** The newest token per resource (seller id), guarded by this. */
    private final Map<String, Token> current = new HashMap<>();
    private final AtomicLong issued = new AtomicLong();
    private volatile boolean ipNotAllowed;

    record Token(String value, SmartStoreSeller seller, Instant expiresAt) {
    }

    SmartStoreApplication(long seed, int appIndex, int ratePerSecond, boolean ownStore) {
        Random random = new Random(seed * 1_000_003L + appIndex * 7_919L + 17);
        StringBuilder id = new StringBuilder("sbx");
        while (id.length() < 22) {
            id.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        this.clientId = id.toString();
        this.clientSecret = "$2a$04$" + bcryptBase64(salt);
        this.ratePerSecond = ratePerSecond;
        this.ownStore = ownStore;
    }

    String clientId() {
        return clientId;
    }

    String clientSecret() {
        return clientSecret;
    }

    void add(SmartStoreSeller seller) {
        sellers.add(seller);
    }

    List<SmartStoreSeller> sellers() {
        return List.copyOf(sellers);
    }

    /** An own-store application: one seller, tokens of type SELF. */
    boolean ownStore() {
        return ownStore;
    }

    boolean ipNotAllowed() {
        return ipNotAllowed;
    }

    void ipNotAllowed(boolean on) {
        this.ipNotAllowed = on;
    }

    long tokensIssued() {
        return issued.get();
    }

    /** The bucket of one API ("GET /v1/..."), shared by every seller this application reads. */
    TokenBucket bucket(String api) {
        return buckets.computeIfAbsent(api, k -> new TokenBucket(ratePerSecond));
    }

    /**
     * Whether {@code sign} is Base64 of bcrypt({@code client_id + "_" + timestamp}) with this application's secret as
     * the salt. UNCONFIRMED which Base64 alphabet the official samples use (the Python, Node and PHP ones use the
     * standard one, the Java sample reportedly the URL-safe one); as both kinds of clients work against Naver, both
     * decodings are accepted. Either way the decoded text must be exactly the bcrypt string.
     */
    boolean verifies(String timestamp, String sign) {
        byte[] expected = BCrypt.hashpw(clientId + "_" + timestamp, clientSecret).getBytes(StandardCharsets.UTF_8);
        for (Base64.Decoder decoder : List.of(Base64.getDecoder(), Base64.getUrlDecoder())) {
            try {
                if (MessageDigest.isEqual(expected, decoder.decode(sign))) {
                    return true;
                }
            } catch (IllegalArgumentException notThisAlphabet) {
                // try the other one
            }
        }
        return false;
    }

    /**
     * The token for {@code seller}: the current one while it has at least 30 minutes left, else a new one (the old
     * one keeps working until it expires).
     */
    synchronized Token token(SmartStoreSeller seller, Instant now) {
        Token token = current.get(seller.sellerId());
        if (token != null && !Duration.between(now, token.expiresAt()).minus(REUSE_WHILE).isNegative()) {
            return token;
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        Token fresh = new Token(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), seller, now.plus(TOKEN_TTL));
        current.put(seller.sellerId(), fresh);
        tokens.put(fresh.value(), fresh);
        issued.incrementAndGet();
        tokens.values().removeIf(t -> t.expiresAt().isBefore(now.minus(Duration.ofHours(1))));
        return fresh;
    }

    /** The live token with this value, or null when it is unknown or expired. */
    Token bearer(String value, Instant now) {
        Token token = tokens.get(value);
        return token == null || !now.isBefore(token.expiresAt()) ? null : token;
    }

    /** Every token of {@code seller} (or of all sellers when null) expires now. */
    synchronized void expireTokens(SmartStoreSeller seller) {
        age(seller, null);
    }

    /** Every token of {@code seller} (or of all sellers when null) expires {@code by} sooner, as if that much time had passed. */
    synchronized void ageTokens(SmartStoreSeller seller, Duration by) {
        age(seller, by);
    }

    private void age(SmartStoreSeller seller, Duration by) {
        tokens.replaceAll((value, t) -> seller != null && t.seller() != seller ? t
                : new Token(value, t.seller(), by == null ? Instant.EPOCH : t.expiresAt().minus(by)));
        current.replaceAll((id, t) -> tokens.getOrDefault(t.value(), t));
    }

    /** 16 bytes in bcrypt's own Base64 alphabet, without padding: the 22 characters of a salt. */
    static String bcryptBase64(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int off = 0;
        while (off < bytes.length) {
            int c1 = bytes[off++] & 0xff;
            out.append(BCRYPT_BASE64.charAt((c1 >> 2) & 0x3f));
            c1 = (c1 & 0x03) << 4;
            if (off >= bytes.length) {
                out.append(BCRYPT_BASE64.charAt(c1 & 0x3f));
                break;
            }
            int c2 = bytes[off++] & 0xff;
            c1 |= (c2 >> 4) & 0x0f;
            out.append(BCRYPT_BASE64.charAt(c1 & 0x3f));
            c1 = (c2 & 0x0f) << 2;
            if (off >= bytes.length) {
                out.append(BCRYPT_BASE64.charAt(c1 & 0x3f));
                break;
            }
            c2 = bytes[off++] & 0xff;
            c1 |= (c2 >> 6) & 0x03;
            out.append(BCRYPT_BASE64.charAt(c1 & 0x3f));
            out.append(BCRYPT_BASE64.charAt(c2 & 0x3f));
        }
        return out.toString();
    }
}
