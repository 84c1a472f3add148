package dev.nudge.storage;

import java.time.Instant;
import java.util.Optional;

/**
 * Teams conversation references in SQLite. The reference itself is opaque JSON here; only the Teams adapter reads
 * it, so storage stays free of Bot Framework types.
 */
public final class JdbcTeamsConversations {
    private final Database database;

    /** One stored conversation. {@code userId} is set only for a 1:1 chat. */
    public record Stored(String tenantId, String conversationId, String conversationType, String serviceUrl,
                         String userId, String referenceJson, boolean active, Instant updatedAt) {}

    public JdbcTeamsConversations(Database database) {
        this.database = database;
    }

    /** Stores or refreshes a reference and marks it active again (Nudge was added back, or someone wrote to it). */
    public void save(Stored conversation) {
        database.transaction(connection -> Sql.update(connection,
                "INSERT INTO teams_conversations (tenant_id, conversation_id, conversation_type, service_url, user_id,"
                        + " reference, active, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?)"
                        + " ON CONFLICT (tenant_id, conversation_id) DO UPDATE SET conversation_type ="
                        + " excluded.conversation_type, service_url = excluded.service_url, user_id = excluded.user_id,"
                        + " reference = excluded.reference, active = 1, updated_at = excluded.updated_at",
                conversation.tenantId(), conversation.conversationId(), conversation.conversationType(),
                conversation.serviceUrl(), conversation.userId(), conversation.referenceJson(),
                conversation.updatedAt().toEpochMilli()));
    }

    public Optional<Stored> find(String tenantId, String conversationId) {
        return database.read(connection -> Sql.one(connection,
                "SELECT * FROM teams_conversations WHERE tenant_id = ? AND conversation_id = ?",
                JdbcTeamsConversations::stored, tenantId, conversationId));
    }

    /** The active 1:1 chat Nudge has with a user, if the user ever opened one. */
    public Optional<Stored> findPersonal(String tenantId, String userId) {
        return database.read(connection -> Sql.one(connection,
                "SELECT * FROM teams_conversations WHERE tenant_id = ? AND user_id = ? AND active = 1"
                        + " ORDER BY updated_at DESC",
                JdbcTeamsConversations::stored, tenantId, userId));
    }

    /** Stops sending there: Nudge was removed, or Teams answered that writes are blocked. True if it was active. */
    public boolean deactivate(String tenantId, String conversationId, Instant at) {
        return database.transaction(connection -> Sql.update(connection,
                "UPDATE teams_conversations SET active = 0, updated_at = ? WHERE tenant_id = ? AND conversation_id = ?"
                        + " AND active = 1", at.toEpochMilli(), tenantId, conversationId) == 1);
    }

    private static Stored stored(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Stored(row.getString("tenant_id"), row.getString("conversation_id"),
                row.getString("conversation_type"), row.getString("service_url"), row.getString("user_id"),
                row.getString("reference"), row.getInt("active") == 1,
                Instant.ofEpochMilli(row.getLong("updated_at")));
    }
}
