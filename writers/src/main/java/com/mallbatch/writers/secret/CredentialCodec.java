package com.mallbatch.writers.secret;

import com.mallbatch.domain.port.MallCredentials;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** Credentials to bytes and back, before encryption and after decryption. */
public final class CredentialCodec {

    private static final int VERSION = 1;

    private CredentialCodec() {
    }

    public static byte[] encode(MallCredentials c) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            writeNullable(out, c.clientId());
            writeNullable(out, c.clientSecret());
            writeNullable(out, c.refreshToken());
            writeNullable(out, c.accessToken());
            out.writeLong(c.accessTokenExpiresAt() == null ? Long.MIN_VALUE : c.accessTokenExpiresAt().toEpochMilli());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static MallCredentials decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readByte();
            if (version != VERSION) {
                throw new IllegalStateException("unknown credential format version " + version);
            }
            String clientId = readNullable(in);
            String clientSecret = readNullable(in);
            String refreshToken = readNullable(in);
            String accessToken = readNullable(in);
            long expires = in.readLong();
            return new MallCredentials(clientId, clientSecret, refreshToken, accessToken,
                    expires == Long.MIN_VALUE ? null : Instant.ofEpochMilli(expires));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
