package dev.nudge.web.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The admin token from NUDGE_ADMIN_TOKEN, when set. Guesses are compared in constant time, on digests so that not
 * even the token's length shows in the timing. Never printed.
 */
public final class AdminToken {
    public static final String OFF_MESSAGE = "admin is off: set NUDGE_ADMIN_TOKEN";

    private final Optional<byte[]> digest;

    public AdminToken(Optional<String> token) {
        this.digest = token.filter(value -> !value.isBlank()).map(AdminToken::sha256);
    }

    public boolean enabled() {
        return digest.isPresent();
    }

    public boolean matches(String presented) {
        return digest.isPresent() && presented != null && MessageDigest.isEqual(digest.get(), sha256(presented));
    }

    @Override
    public String toString() {
        return "AdminToken[" + (enabled() ? "(set)" : "(not set)") + "]";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
