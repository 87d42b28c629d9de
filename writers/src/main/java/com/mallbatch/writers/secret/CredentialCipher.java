package com.mallbatch.writers.secret;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * AES-256-GCM for credentials at rest. The ciphertext carries its random 12-byte nonce; the associated data binds
 * it to the row it belongs to, so a ciphertext copied onto another account fails to decrypt. Fingerprints of
 * plaintext credentials are HMAC-SHA256 under a key derived from the secret key, so someone who reads the database
 * but not the key cannot test guesses of a password against them.
 */
public final class CredentialCipher {

    public static final String KEY_ENV = "MALLBATCH_SECRET_KEY";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String HMAC = "HmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final SecretKeySpec fingerprintKey;

    public CredentialCipher(byte[] key) {
        if (key.length != 32) {
            throw new CredentialKeyException(KEY_ENV + " must be 32 bytes (the base64 of 32 random bytes), but it is "
                    + key.length + " bytes; make one with `openssl rand -base64 32` and keep it");
        }
        this.key = new SecretKeySpec(key, "AES");
        this.fingerprintKey = new SecretKeySpec(hmac(new SecretKeySpec(key, HMAC), "mallbatch credential fingerprint v1"), HMAC);
    }

    public static CredentialCipher fromBase64(String base64Key) {
        try {
            return new CredentialCipher(Base64.getDecoder().decode(base64Key.trim()));
        } catch (IllegalArgumentException e) {
            throw new CredentialKeyException(KEY_ENV + " is not base64 (" + e.getMessage() + "); it must be the base64 "
                    + "of 32 random bytes, e.g. from `openssl rand -base64 32`");
        }
    }

    /** A keyed fingerprint of plaintext parts (hex HMAC-SHA256), to notice a change without storing or exposing them. */
    public String fingerprint(String... parts) {
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            joined.append(part).append('\0');
        }
        return java.util.HexFormat.of().formatHex(hmac(fingerprintKey, joined.toString()));
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** A fresh random key, base64: for demos and tests that own their data. */
    public static String newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    public byte[] encrypt(byte[] plain, String associatedData) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    public byte[] decrypt(byte[] sealed, String associatedData) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new CredentialKeyException("Stored credentials of " + associatedData + " cannot be decrypted: wrong "
                    + KEY_ENV + ", or the data was altered", e);
        }
    }
}
