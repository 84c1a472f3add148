package dev.nudge.polls;

import dev.nudge.chat.ConversationRef;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that enforces one vote per person. Named polls use the user id; anonymous polls a keyed hash
 * (HMAC-SHA256 with a secret kept outside the database) of user and poll, so the database alone cannot say who
 * voted, and the same person gets unrelated keys in different polls.
 */
public final class VoterKeys {
    private final byte[] secret;

    public VoterKeys(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("the voter key must be at least 16 bytes");
        }
        this.secret = secret.clone();
    }

    public String keyFor(Poll poll, String userId) {
        if (!poll.anonymous()) {
            return "user:" + userId;
        }
        ConversationRef where = poll.where();
        return "anon:" + hmac(where.platform().id() + "\n" + where.workspaceId() + "\n" + userId + "\n" + poll.id());
    }

    /**
     * The respondent key of an anonymous retro: a keyed hash of person and retro, unrelated to the same person's
     * keys in polls and in other retros.
     */
    public String anonymousRetroKey(ConversationRef where, long retroId, String userId) {
        return "anon:" + hmac("retro\n" + where.platform().id() + "\n" + where.workspaceId() + "\n" + userId + "\n"
                + retroId);
    }

    private String hmac(String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(subject.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
