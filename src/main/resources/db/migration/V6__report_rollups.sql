-- Reports read polls per channel (the channel report, trends, the polls list); without this they scan every poll.
CREATE INDEX polls_by_channel ON polls (platform, workspace_id, channel_id, created_at);
