package com.mallbatch.domain.settlement;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a snapshot's canonical content: its identity (account, period), its totals, then every line in
 * (order, line) order, then its extra costs. Confirming stores it; verifying recomputes it from what is stored, so any change
 * made behind the application's back — even by a user who may bypass the triggers — shows.
 */
public final class SettlementDigest {

    private final MessageDigest sha256;

    public SettlementDigest(long accountId, String period, String totals) {
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        update("settlement|" + accountId + "|" + period + "|" + totals);
    }

    /** Lines must be added in ascending (order id, line id) order. */
    public void add(SettlementLine line) {
        update(line.canonical());
    }

    /** Extra costs come after the lines, in ascending (type, description) order. */
    public void addExtraCost(String costType, String description, String amount) {
        update("extra|" + costType + "|" + description + "|" + amount);
    }

    public String hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }

    private void update(String text) {
        sha256.update(text.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) '\n');
    }
}
