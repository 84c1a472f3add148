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
