package dev.nudge.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks Slack's request signature (v0 HMAC-SHA256 of "v0:timestamp:raw body"). Stricter than Bolt's own check:
 * timestamps more than five minutes away in either direction are refused, and the comparison takes constant time.
 */
public final class SlackSignature {
    public static final long MAX_SKEW_SECONDS = 300;

    private final byte[] secret;
    private final Clock clock;

    public SlackSignature(String signingSecret, Clock clock) {
        if (signingSecret == null || signingSecret.isEmpty()) {
            throw new IllegalArgumentException("a signing secret is required");
        }
        this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** Why a request fails the check, or empty when it passes. The reason is safe to log; it holds no secret. */
    public Optional<String> problem(String timestampHeader, String signatureHeader, byte[] rawBody) {
        if (timestampHeader == null || timestampHeader.isBlank()) {
            return Optional.of("missing X-Slack-Request-Timestamp");
        }
        if (signatureHeader == null || signatureHeader.isBlank()) {
            return Optional.of("missing X-Slack-Signature");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return Optional.of("malformed timestamp");
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - timestamp) > MAX_SKEW_SECONDS) {
            return Optional.of("stale or future timestamp");
        }
        String signature = signatureHeader.trim();
        if (!signature.startsWith("v0=") || signature.length() != 3 + 64) {
            return Optional.of("malformed signature");
        }
        byte[] expected = sign(timestampHeader.trim(), rawBody).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("signature mismatch");
        }
        return Optional.empty();
    }

    /** The {@code v0=} signature of a body at a timestamp. */
    public String sign(String timestamp, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(rawBody));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
