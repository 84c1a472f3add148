package dev.nudge.teams;

import dev.nudge.chat.ConversationRef;
import dev.nudge.chat.Platform;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Teams has no message only one person sees in a channel, so Nudge answers privately in the person's 1:1 chat. A
 * button there (Add evidence) or a form must still act on the channel it came from: its data carries that channel,
 * sealed with an HMAC bound to the person, so nobody can point a click at another channel. The key lives only in
 * memory; after a restart old private buttons ask the person to use the channel's card again.
 */
public final class OriginSeal {
    private static final String SEPARATOR = "|";
    private final byte[] key = new byte[32];

    public OriginSeal() {
        new SecureRandom().nextBytes(key);
    }

    public String seal(ConversationRef where, String userId) {
        return where.channelId() + SEPARATOR + mac(where.workspaceId(), where.channelId(), userId);
    }

    /** The channel an origin names, if it was sealed here for this person in this tenant. */
    public Optional<ConversationRef> open(String origin, String tenantId, String userId) {
        if (origin == null) {
            return Optional.empty();
        }
        int separator = origin.lastIndexOf(SEPARATOR);
        if (separator <= 0) {
            return Optional.empty();
        }
        String conversationId = origin.substring(0, separator);
        byte[] expected = mac(tenantId, conversationId, userId).getBytes(StandardCharsets.US_ASCII);
        byte[] given = origin.substring(separator + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given)
                ? Optional.of(new ConversationRef(Platform.TEAMS, tenantId, conversationId)) : Optional.empty();
    }

    private String mac(String tenantId, String conversationId, String userId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((tenantId + "\n" + conversationId + "\n" + userId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
