package dev.nudge.storage;

import dev.nudge.channels.ChannelRepository;
import dev.nudge.chat.ConversationRef;
import dev.nudge.principles.ChannelPackRepository;
import java.time.Instant;
import java.util.Optional;

/** The channels table: joined channels and each one's pack. */
public final class JdbcChannels implements ChannelRepository, ChannelPackRepository {
    private final Database database;

    public JdbcChannels(Database database) {
        this.database = database;
    }

    @Override
    public boolean recordJoined(ConversationRef channel, Instant at) {
        return database.transaction(connection -> Sql.update(connection,
                "INSERT INTO channels (platform, workspace_id, channel_id, joined_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING",
                channel.platform().id(), channel.workspaceId(), channel.channelId(), at.toEpochMilli()) == 1);
    }

    @Override
    public void recordDetails(ConversationRef channel, Optional<String> name, java.util.OptionalInt members, Instant at) {
        if (name.isEmpty() && members.isEmpty()) {
            return;
        }
        database.transaction(connection -> Sql.update(connection,
                "INSERT INTO channels (platform, workspace_id, channel_id, joined_at, display_name, member_count, "
                        + "member_count_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (platform, workspace_id, channel_id) "
                        + "DO UPDATE SET display_name = coalesce(excluded.display_name, display_name), "
                        + "member_count = coalesce(excluded.member_count, member_count), "
                        + "member_count_at = coalesce(excluded.member_count_at, member_count_at)",
                channel.platform().id(), channel.workspaceId(), channel.channelId(), at.toEpochMilli(),
                name.orElse(null), members.isPresent() ? members.getAsInt() : null,
                members.isPresent() ? at.toEpochMilli() : null));
    }

    @Override
    public java.util.List<ConversationRef> known() {
        return database.read(connection -> Sql.list(connection,
                "SELECT platform, workspace_id, channel_id FROM channels UNION "
                        + "SELECT platform, workspace_id, channel_id FROM prompts UNION "
                        + "SELECT platform, workspace_id, channel_id FROM polls UNION "
                        + "SELECT platform, workspace_id, channel_id FROM retros",
                row -> new ConversationRef(dev.nudge.chat.Platform.fromId(row.getString("platform")),
                        row.getString("workspace_id"), row.getString("channel_id"))));
    }

    @Override
    public Optional<String> packOf(ConversationRef channel) {
        return database.read(connection -> Sql.one(connection,
                "SELECT pack FROM channels WHERE platform = ? AND workspace_id = ? AND channel_id = ?",
                row -> Optional.ofNullable(row.getString("pack")),
                channel.platform().id(), channel.workspaceId(), channel.channelId())).flatMap(pack -> pack);
    }

    @Override
    public void choosePack(ConversationRef channel, String packName, Instant at) {
        database.transaction(connection -> Sql.update(connection,
                "INSERT INTO channels (platform, workspace_id, channel_id, pack, joined_at) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (platform, workspace_id, channel_id) DO UPDATE SET pack = excluded.pack",
                channel.platform().id(), channel.workspaceId(), channel.channelId(), packName, at.toEpochMilli()));
    }
}
