package dev.nudge.web.admin;

import dev.nudge.chat.ConversationRef;
import dev.nudge.chat.Platform;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A team (channel) as one URL path segment: base64url of "platform, workspace, channel" joined by newlines. Teams
 * channel ids hold characters such as ':' and '@' (and could hold '/'), so the ids are not put in the path as they
 * are. Decoding anything else gives empty, which pages answer with 404.
 */
final class TeamIds {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]{4,800}");

    private TeamIds() {
    }

    static String encode(ConversationRef channel) {
        String joined = channel.platform().id() + "\n" + channel.workspaceId() + "\n" + channel.channelId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    static Optional<ConversationRef> decode(String segment) {
        if (segment == null || !SEGMENT.matcher(segment).matches()) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8)
                    .split("\n", -1);
            if (parts.length != 3) {
                return Optional.empty();
            }
            return Optional.of(new ConversationRef(Platform.fromId(parts[0]), parts[1], parts[2]));
        } catch (IllegalArgumentException e) {
            // Not base64, not a platform, or a blank id.
            return Optional.empty();
        }
    }
}
