package dev.nudge.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Seeds report history straight into a migrated SQLite file in one transaction with prepared batches: per channel
 * two prompts a week answered by 6-7 of its members, a principle poll every two weeks (every third one anonymous),
 * a retro every twelve weeks rating all eight principles (every other one anonymous), and a note on one Yes in 20.
 */
public final class ReportSeeder {
    static final String WORKSPACE_PREFIX = "TW";
    static final int PRINCIPLES = 8;

    public record Seeded(long prompts, long answers, long notes, long polls, long votes, long retros, long ratings) {}

    private final Random random = new Random(42);

    /** Seeds until {@code answers} prompt answers are in, weeks running back from {@code now}. */
    public Seeded seed(java.nio.file.Path db, int channels, int weeks, long answers, Instant now) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath())) {
            try (Statement pragma = connection.createStatement()) {
                pragma.execute("PRAGMA synchronous = OFF");
            }
            connection.setAutoCommit(false);
            long promptId = maxId(connection, "prompts");
            long pollId = maxId(connection, "polls");
            long retroId = maxId(connection, "retros");
            long respondentId = maxId(connection, "retro_respondents");
            long prompts = 0;
            long written = 0;
            long notes = 0;
            long polls = 0;
            long votes = 0;
            long retros = 0;
            long ratings = 0;
            int[] members = new int[channels];
            try (PreparedStatement channel = connection.prepareStatement("INSERT INTO channels (platform, workspace_id,"
                    + " channel_id, pack, joined_at, member_count, display_name) VALUES ('slack', ?, ?, 'nhs', ?, ?, ?)")) {
                for (int c = 0; c < channels; c++) {
                    members[c] = 8 + random.nextInt(8);
                    channel.setString(1, workspace(c));
                    channel.setString(2, channelId(c));
                    channel.setLong(3, now.minus(weeks * 7L + 1, ChronoUnit.DAYS).toEpochMilli());
                    // One channel in ten has no known size, and one in ten no name yet.
                    channel.setObject(4, c % 10 == 3 ? null : members[c]);
                    channel.setString(5, c % 10 == 7 ? null : "team-" + c);
                    channel.addBatch();
                }
                channel.executeBatch();
            }
            try (PreparedStatement prompt = connection.prepareStatement("INSERT INTO prompts (id, platform, workspace_id,"
                    + " channel_id, pack, principle_number, question, asked_by, asked_at, message_id)"
                    + " VALUES (?, 'slack', ?, ?, 'nhs', ?, ?, 'ULEAD', ?, ?)");
                 PreparedStatement answer = connection.prepareStatement("INSERT INTO prompt_answers (prompt_id, user_id,"
                         + " answer, answered_at) VALUES (?, ?, ?, ?)");
                 PreparedStatement note = connection.prepareStatement("INSERT INTO prompt_notes (prompt_id, user_id,"
                         + " answer, note, created_at) VALUES (?, ?, 'yes', ?, ?)");
                 PreparedStatement poll = connection.prepareStatement("INSERT INTO polls (id, platform, workspace_id,"
                         + " channel_id, kind, pack, principle_number, question, anonymous, hidden, created_by, created_at,"
                         + " closes_at, closed_at, message_id) VALUES (?, 'slack', ?, ?, 'principle', 'nhs', ?, ?, ?, 0,"
                         + " 'ULEAD', ?, ?, ?, ?)");
                 PreparedStatement option = connection.prepareStatement("INSERT INTO poll_options (poll_id, position,"
                         + " label) VALUES (?, ?, ?)");
                 PreparedStatement vote = connection.prepareStatement("INSERT INTO poll_votes (poll_id, voter_key,"
                         + " user_id, position, voted_at) VALUES (?, ?, ?, ?, ?)");
                 PreparedStatement retro = connection.prepareStatement("INSERT INTO retros (id, platform, workspace_id,"
                         + " channel_id, pack, anonymous, opened_by, opened_at, closed_at, closed_by) VALUES"
                         + " (?, 'slack', ?, ?, 'nhs', ?, 'ULEAD', ?, ?, 'ULEAD')");
                 PreparedStatement respondent = connection.prepareStatement("INSERT INTO retro_respondents (id, retro_id,"
                         + " respondent_key, answered_at) VALUES (?, ?, ?, ?)");
                 PreparedStatement rating = connection.prepareStatement("INSERT INTO retro_ratings (retro_id,"
                         + " respondent_id, user_id, principle_number, score, rated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                int pending = 0;
                for (int week = 0; week < weeks && written < answers; week++) {
                    for (int c = 0; c < channels && written < answers; c++) {
                        Instant monday = now.minus(week * 7L + 6, ChronoUnit.DAYS);
                        for (int p = 0; p < 2 && written < answers; p++) {
                            long id = ++promptId;
                            prompts++;
                            Instant asked = monday.plus(p * 2L + random.nextInt(2), ChronoUnit.DAYS)
                                    .plus(random.nextInt(8 * 60), ChronoUnit.MINUTES);
                            int principle = 1 + (int) ((week * 2L + p + c) % PRINCIPLES);
                            prompt.setLong(1, id);
                            prompt.setString(2, workspace(c));
                            prompt.setString(3, channelId(c));
                            prompt.setInt(4, principle);
                            prompt.setString(5, "Question " + principle);
                            prompt.setLong(6, asked.toEpochMilli());
                            prompt.setString(7, "ts" + id);
                            prompt.addBatch();
                            int count = (int) Math.min(answers - written, 6 + (random.nextInt(100) < 45 ? 1 : 0));
                            for (int user : pick(members[c], count)) {
                                String answerId = switch (random.nextInt(10)) {
                                    case 0, 1, 2, 3 -> "yes";
                                    case 4, 5, 6 -> "partly";
                                    default -> "not_yet";
                                };
                                long at = asked.plus(1 + random.nextInt(600), ChronoUnit.MINUTES).toEpochMilli();
                                answer.setLong(1, id);
                                answer.setString(2, userId(c, user));
                                answer.setString(3, answerId);
                                answer.setLong(4, at);
                                answer.addBatch();
                                written++;
                                if (answerId.equals("yes") && random.nextInt(20) == 0) {
                                    note.setLong(1, id);
                                    note.setString(2, userId(c, user));
                                    note.setString(3, "We measured lead time: " + random.nextInt(20) + " days");
                                    note.setLong(4, at + 60_000);
                                    note.addBatch();
                                    notes++;
                                }
                            }
                        }
                        if (week % 2 == c % 2) {
                            long id = ++pollId;
                            polls++;
                            boolean anonymous = id % 3 == 0;
                            Instant created = monday.plus(3, ChronoUnit.DAYS).plus(random.nextInt(480), ChronoUnit.MINUTES);
                            int principle = 1 + random.nextInt(PRINCIPLES);
                            poll.setLong(1, id);
                            poll.setString(2, workspace(c));
                            poll.setString(3, channelId(c));
                            poll.setInt(4, principle);
                            poll.setString(5, "How well did we do on " + principle + "?");
                            poll.setBoolean(6, anonymous);
                            poll.setLong(7, created.toEpochMilli());
                            long closes = created.plus(1, ChronoUnit.DAYS).toEpochMilli();
                            poll.setLong(8, closes);
                            poll.setLong(9, closes);
                            poll.setString(10, "tp" + id);
                            poll.addBatch();
                            for (int position = 0; position < 5; position++) {
                                option.setLong(1, id);
                                option.setInt(2, position);
                                option.setString(3, String.valueOf(position + 1));
                                option.addBatch();
                            }
                            for (int user : pick(members[c], 5 + random.nextInt(4))) {
                                vote.setLong(1, id);
                                vote.setString(2, anonymous ? null : userId(c, user));
                                vote.setString(3, anonymous ? null : userId(c, user));
                                vote.setInt(4, random.nextInt(5));
                                vote.setLong(5, created.plus(1 + random.nextInt(600), ChronoUnit.MINUTES).toEpochMilli());
                                vote.addBatch();
                                votes++;
                            }
                        }
                        if (week % 12 == c % 12) {
                            long id = ++retroId;
                            retros++;
                            boolean anonymous = id % 2 == 0;
                            Instant opened = monday.plus(4, ChronoUnit.DAYS).plus(random.nextInt(300), ChronoUnit.MINUTES);
                            retro.setLong(1, id);
                            retro.setString(2, workspace(c));
                            retro.setString(3, channelId(c));
                            retro.setBoolean(4, anonymous);
                            retro.setLong(5, opened.toEpochMilli());
                            retro.setLong(6, opened.plus(2, ChronoUnit.HOURS).toEpochMilli());
                            retro.addBatch();
                            for (int user : pick(members[c], 5 + random.nextInt(4))) {
                                long respondentKey = ++respondentId;
                                long at = opened.plus(5 + random.nextInt(100), ChronoUnit.MINUTES).toEpochMilli();
                                respondent.setLong(1, respondentKey);
                                respondent.setLong(2, id);
                                respondent.setString(3, anonymous ? null : userId(c, user));
                                respondent.setLong(4, at);
                                respondent.addBatch();
                                for (int principle = 1; principle <= PRINCIPLES; principle++) {
                                    rating.setLong(1, id);
                                    rating.setLong(2, respondentKey);
                                    rating.setString(3, anonymous ? null : userId(c, user));
                                    rating.setInt(4, principle);
                                    rating.setInt(5, 1 + random.nextInt(5));
                                    rating.setLong(6, at);
                                    rating.addBatch();
                                    ratings++;
                                }
                            }
                        }
                        if (++pending >= 200) {
                            pending = 0;
                            for (PreparedStatement batch : List.of(prompt, answer, note, poll, option, vote, retro,
                                    respondent, rating)) {
                                batch.executeBatch();
                            }
                        }
                    }
                }
                for (PreparedStatement batch : List.of(prompt, answer, note, poll, option, vote, retro, respondent,
                        rating)) {
                    batch.executeBatch();
                }
            }
            connection.commit();
            return new Seeded(prompts, written, notes, polls, votes, retros, ratings);
        }
    }

    public static String workspace(int channel) {
        return WORKSPACE_PREFIX + (channel % 10);
    }

    public static String channelId(int channel) {
        return "C" + channel;
    }

    static String userId(int channel, int member) {
        return "U" + channel + "x" + member;
    }

    private List<Integer> pick(int members, int count) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            all.add(i);
        }
        Collections.shuffle(all, random);
        return all.subList(0, Math.min(count, members));
    }

    private static long maxId(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT coalesce(max(id), 0) FROM " + table)) {
            row.next();
            return row.getLong(1);
        }
    }
}
