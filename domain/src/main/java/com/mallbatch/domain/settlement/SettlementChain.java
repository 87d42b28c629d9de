package com.mallbatch.domain.settlement;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain of confirmations: each link is the SHA-256 of the previous link and what was confirmed (snapshot
 * hash, version, period, account). Recomputing the chain from the stored rows finds a link that was altered, removed
 * or inserted; a snapshot whose content no longer hashes to its link's hash was changed.
 */
public final class SettlementChain {

    /** The link before the first confirmation. */
    public static final String GENESIS = "0".repeat(64);

    private SettlementChain() {
    }

    public static String link(String previousLink, String contentSha256, int version, String period, long accountId) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(String.join("|", previousLink, contentSha256, String.valueOf(version), period,
                    String.valueOf(accountId)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
