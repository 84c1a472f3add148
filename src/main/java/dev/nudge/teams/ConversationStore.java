package dev.nudge.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Serialization;
import dev.nudge.chat.ConversationRef;
import dev.nudge.chat.Platform;
import dev.nudge.storage.JdbcTeamsConversations;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

/**
 * Where Nudge can post in Teams: the conversation reference of every channel and chat it was added to or written
 * to, kept in SQLite so proactive posts (schedules, timed poll results) still work after a restart. A channel
 * reference never holds a person: who wrote last is none of the database's business (and would link voters to
 * anonymous votes by time).
 */
public final class ConversationStore {
    public static final String PERSONAL = "personal";
    public static final String CHANNEL = "channel";
    static final String THREAD_MARKER = ";messageid=";

    private final JdbcTeamsConversations conversations;
    private final Clock clock;

    /** A stored reference and what Nudge knows about it. */
    public record Entry(ConversationReference reference, String type, boolean active) {
        boolean isChannel() {
            return CHANNEL.equals(type);
        }
    }

    public ConversationStore(JdbcTeamsConversations conversations, Clock clock) {
        this.conversations = conversations;
        this.clock = clock;
    }

    /** The neutral place of an activity: tenant and conversation, without the thread part of a channel reply. */
    public static ConversationRef where(Activity activity) {
        return new ConversationRef(Platform.TEAMS, tenantOf(activity), baseConversationId(activity.getConversation().getId()));
    }

    static String baseConversationId(String conversationId) {
        int thread = conversationId.indexOf(THREAD_MARKER);
        return thread < 0 ? conversationId : conversationId.substring(0, thread);
    }

    /** The tenant: on the conversation for Teams, else in channelData; the channel id (e.g. emulator) otherwise. */
    static String tenantOf(Activity activity) {
        if (activity.getConversation() != null && notBlank(activity.getConversation().getTenantId())) {
            return activity.getConversation().getTenantId();
        }
        JsonNode channelData = activity.getChannelData() == null ? null : Serialization.objectToTree(activity.getChannelData());
        if (channelData != null && channelData.path("tenant").path("id").isTextual()) {
            return channelData.path("tenant").path("id").asText();
        }
        return notBlank(activity.getChannelId()) ? activity.getChannelId() : "unknown";
    }

    static String typeOf(Activity activity) {
        String type = activity.getConversation().getConversationType();
        return notBlank(type) ? type : Boolean.TRUE.equals(activity.getConversation().isGroup()) ? "groupChat" : PERSONAL;
    }

    /** Stores (or refreshes and reactivates) the reference of the activity's conversation. */
    public ConversationRef remember(Activity activity) {
        ConversationRef where = where(activity);
        ConversationReference reference = activity.getConversationReference();
        reference.setActivityId(null);
        // A copy: the reference shares its conversation with the activity, which must keep its thread id.
        ConversationAccount conversation = ConversationAccount.clone(activity.getConversation());
        conversation.setId(where.channelId());
        conversation.setTenantId(where.workspaceId());
        reference.setConversation(conversation);
        String type = typeOf(activity);
        String userId = null;
        if (PERSONAL.equals(type) && reference.getUser() != null) {
            userId = reference.getUser().getId();
        } else {
            reference.setUser(null);
        }
        conversations.save(new JdbcTeamsConversations.Stored(where.workspaceId(), where.channelId(), type,
                reference.getServiceUrl(), userId, json(reference), true, clock.instant()));
        return where;
    }

    public Optional<Entry> find(ConversationRef where) {
        return conversations.find(where.workspaceId(), where.channelId()).map(ConversationStore::entry);
    }

    /** The 1:1 chat a person opened with Nudge (installed it personally or wrote to it), if any. */
    public Optional<Entry> personal(String tenantId, String teamsUserId) {
        return conversations.findPersonal(tenantId, teamsUserId).map(ConversationStore::entry);
    }

    /** Nudge may no longer write there. True when it was active until now. */
    public boolean deactivate(ConversationRef where) {
        return conversations.deactivate(where.workspaceId(), where.channelId(), clock.instant());
    }

    private static Entry entry(JdbcTeamsConversations.Stored stored) {
        try {
            ConversationReference reference = Serialization.treeToValue(Serialization.jsonToTree(stored.referenceJson()),
                    ConversationReference.class);
            if (reference == null) {
                throw new IOException("not a conversation reference");
            }
            return new Entry(reference, stored.conversationType(), stored.active());
        } catch (IOException e) {
            throw new IllegalStateException("stored Teams reference for " + stored.conversationId() + " is damaged", e);
        }
    }

    private static String json(ConversationReference reference) {
        try {
            return Serialization.toString(reference);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("conversation reference could not be written", e);
        }
    }

    private static boolean notBlank(String text) {
        return text != null && !text.isBlank();
    }
}
