package com.mallbatch.writers.secret;

import com.mallbatch.domain.port.MallCredentials;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialCipherTest {

    final CredentialCipher cipher = CredentialCipher.fromBase64(CredentialCipher.newKey());
    final MallCredentials credentials = new MallCredentials("client", "s3cret", "refresh-token-1", "access",
            Instant.parse("2026-11-21T10:00:00Z"));

    @Test
    void roundTripsAndHidesThePlainText() {
        byte[] sealed = cipher.encrypt(CredentialCodec.encode(credentials), "mall_account:1");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("s3cret").doesNotContain("refresh-token-1");
        assertThat(CredentialCodec.decode(cipher.decrypt(sealed, "mall_account:1"))).isEqualTo(credentials);
        assertThat(credentials.toString()).doesNotContain("s3cret").doesNotContain("refresh-token-1");
    }

    @Test
    void aTamperedCiphertextOrOneMovedToAnotherAccountIsRefused() {
        byte[] sealed = cipher.encrypt(CredentialCodec.encode(credentials), "mall_account:1");
        byte[] tampered = sealed.clone();
        tampered[tampered.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.decrypt(tampered, "mall_account:1")).hasMessageContaining("cannot be decrypted");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "mall_account:2")).hasMessageContaining("mall_account:2");
        assertThatThrownBy(() -> CredentialCipher.fromBase64(CredentialCipher.newKey()).decrypt(sealed, "mall_account:1"))
                .hasMessageContaining(CredentialCipher.KEY_ENV);
    }

    @Test
    void aKeyOfTheWrongSizeIsRejectedWithTheVariableName() {
        assertThatThrownBy(() -> CredentialCipher.fromBase64("c2hvcnQ=")).hasMessageContaining("MALLBATCH_SECRET_KEY")
                .hasMessageContaining("32 bytes");
    }

    @Test
    void fingerprintsAreKeyedSoADatabaseReaderCannotTestGuesses() throws Exception {
        String fingerprint = cipher.fingerprint("client", "s3cret");
        String unkeyed = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest("client\0s3cret\0".getBytes(StandardCharsets.UTF_8)));

        assertThat(fingerprint).hasSize(64).isEqualTo(cipher.fingerprint("client", "s3cret"))
                .isNotEqualTo(cipher.fingerprint("client", "s3cret!"))
                .isNotEqualTo(unkeyed)
                .isNotEqualTo(CredentialCipher.fromBase64(CredentialCipher.newKey()).fingerprint("client", "s3cret"));
        assertThat(cipher.fingerprint("ab", "c")).as("parts are separated").isNotEqualTo(cipher.fingerprint("a", "bc"));
    }

    @Test
    void aKeyThatIsNotBase64IsRejectedSayingHowToMakeOne() {
        assertThatThrownBy(() -> CredentialCipher.fromBase64("not a key!")).isInstanceOf(CredentialKeyException.class)
                .hasMessageContaining("MALLBATCH_SECRET_KEY is not base64").hasMessageContaining("openssl rand -base64 32");
    }
}
