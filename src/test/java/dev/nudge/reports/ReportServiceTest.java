package dev.nudge.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nudge.bench.ReportSeeder;
import dev.nudge.chat.ConversationRef;
import dev.nudge.chat.Platform;
import dev.nudge.chat.UserInputException;
import dev.nudge.principles.ChannelPacks;
import dev.nudge.principles.PackCatalog;
import dev.nudge.principles.PackLoader;
import dev.nudge.storage.Database;
import dev.nudge.storage.JdbcChannels;
import dev.nudge.storage.JdbcReports;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report service on a real SQLite file with the real migrations: heatmap, polls, retros, actions, CSV. */
class ReportServiceTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, LONDON);
    private static final ConversationRef TEAM = new ConversationRef(Platform.SLACK, "T1", "CTEAM");

    @TempDir
    Path dir;
    private Database database;
    private ReportService reports;
    private long nextId = 10_000_000;

    @BeforeEach
    void open() {
        database = Database.open(dir.resolve("nudge.db"));
        PackCatalog catalog = new PackCatalog(new PackLoader().load(dir.resolve("none")), "nhs");
        reports = new ReportService(new JdbcReports(database), new ChannelPacks(catalog, new JdbcChannels(database),
                CLOCK), 3, CLOCK, LONDON);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void every_heatmap_cell_equals_the_channel_reports_score_computed_from_raw_rows() throws Exception {
        new ReportSeeder().seed(dir.resolve("nudge.db"), 24, 30, 9_000, NOW);
        // Cells whose per-prompt groups are small, so only an exact count of people can decide them.
        answer(TEAM, 5, List.of("UA", "UB"), "yes", 3);
        answer(TEAM, 5, List.of("UC", "UD"), "partly", 2);
        answer(TEAM, 6, List.of("UA", "UB"), "yes", 3);
        answer(TEAM, 6, List.of("UA", "UB"), "not_yet", 2);

        ReportRange range = ReportRange.parse("12w", CLOCK, LONDON);
        Heatmap heatmap = reports.heatmap("nhs", range);

        assertThat(heatmap.rows()).hasSize(25);
        int shown = 0;
        for (Heatmap.Row row : heatmap.rows()) {
            ChannelReport report = reports.channelReport(row.team().channel(), range);
            for (int i = 0; i < 8; i++) {
                Score raw = report.principles().get(i).score();
                Score cell = row.scores().get(i);
                assertThat(cell.status()).as(row.team().name() + " principle " + (i + 1)).isEqualTo(raw.status());
                if (raw.shown()) {
                    shown++;
                    assertThat(cell.mean()).isCloseTo(raw.mean(), org.assertj.core.data.Offset.offset(1e-9));
                    assertThat(cell.respondents()).isLessThanOrEqualTo(raw.respondents());
                }
            }
        }
        assertThat(shown).isGreaterThan(150);
        Heatmap.Row team = heatmap.rows().stream().filter(r -> r.team().channel().equals(TEAM)).findFirst().orElseThrow();
        assertThat(team.team().name()).isEqualTo("CTEAM");
        assertThat(team.scores().get(4).status()).isEqualTo(Score.Status.SHOWN);
        assertThat(team.scores().get(4).mean()).isEqualTo(4.0);
        assertThat(team.scores().get(4).respondents()).isEqualTo(4);
        assertThat(team.scores().get(5).status()).isEqualTo(Score.Status.NOT_ENOUGH);
        assertThat(team.scores().get(5).mean()).isNull();
        assertThat(team.scores().get(0).status()).isEqualTo(Score.Status.NO_DATA);
    }

    @Test
    void the_rollup_follows_every_insert_change_and_delete_and_equals_the_raw_rows() throws Exception {
        ReportRange range = ReportRange.parse("12w", CLOCK, LONDON);
        answer(TEAM, 3, List.of("U1", "U2", "U3", "U4"), "yes", 2);
        long firstPrompt = nextId;
        // A prompt asked before the range with answers on both sides of its first day: only the later ones count.
        answer(TEAM, 4, List.of("U1", "U2", "U3"), "not_yet", 86);
        long straddling = nextId;
        for (String user : List.of("U5", "U6", "U7")) {
            execute("INSERT INTO prompt_answers (prompt_id, user_id, answer, answered_at) VALUES (?, ?, 'yes', ?)",
                    straddling, user, TWO_DAYS_AGO);
        }
        long hidden = poll(TEAM, 5, false, true, false, List.of(4, 4, 4));
        retro(TEAM, false, new int[][] {{6, 5}, {6, 4}, {6, 3}}, new int[0][]);
        assertRollupMatchesRawRows(range);
        assertThat(cell(range, 4).mean()).isEqualTo(5.0);
        assertThat(cell(range, 5).status()).isEqualTo(Score.Status.NO_DATA);

        execute("UPDATE prompt_answers SET answer = 'not_yet' WHERE user_id = 'U1' AND prompt_id = ?", firstPrompt);
        execute("DELETE FROM prompt_answers WHERE user_id = 'U2' AND prompt_id = ?", firstPrompt);
        execute("UPDATE polls SET closed_at = ? WHERE id = ?", NOW.toEpochMilli(), hidden);
        execute("UPDATE poll_votes SET position = 0 WHERE poll_id = ? AND user_id = 'UV0'", hidden);
        execute("UPDATE retro_ratings SET score = 1 WHERE principle_number = 6 AND score = 5");
        assertRollupMatchesRawRows(range);
        assertThat(cell(range, 3).mean()).isEqualTo((1 + 5 + 5) / 3.0);
        assertThat(cell(range, 5).mean()).isEqualTo((1 + 5 + 5) / 3.0);
        assertThat(cell(range, 6).mean()).isEqualTo((1 + 4 + 3) / 3.0);

        execute("DELETE FROM prompts WHERE id = ?", firstPrompt);
        execute("DELETE FROM poll_votes WHERE poll_id = ? AND user_id = 'UV1'", hidden);
        assertRollupMatchesRawRows(range);
        assertThat(cell(range, 3).status()).isEqualTo(Score.Status.NO_DATA);
        assertThat(cell(range, 5).status()).isEqualTo(Score.Status.NOT_ENOUGH);
    }

    /** report_units holds exactly what grouping the raw rows gives, and the heatmap equals the raw channel report. */
    private void assertRollupMatchesRawRows(ReportRange range) throws SQLException {
        String rollup = "SELECT kind, unit_id, principle, n, s, first_at, last_at, hidden_open FROM report_units"
                + " ORDER BY kind, unit_id, principle";
        String raw = "SELECT * FROM ("
                + " SELECT 'prompt' AS kind, p.id AS unit_id, p.principle_number AS principle, count(*) AS n,"
                + " sum(CASE a.answer WHEN 'yes' THEN 5 WHEN 'partly' THEN 3 ELSE 1 END) AS s, min(a.answered_at),"
                + " max(a.answered_at), 0 FROM prompt_answers a JOIN prompts p ON p.id = a.prompt_id GROUP BY p.id"
                + " UNION ALL SELECT 'poll', po.id, po.principle_number, count(*), sum(v.position + 1), min(v.voted_at),"
                + " max(v.voted_at), po.hidden = 1 AND po.closed_at IS NULL FROM poll_votes v JOIN polls po"
                + " ON po.id = v.poll_id WHERE po.kind = 'principle' GROUP BY po.id"
                + " UNION ALL SELECT 'retro', rr.retro_id, rr.principle_number, count(*), sum(rr.score), min(rr.rated_at),"
                + " max(rr.rated_at), 0 FROM retro_ratings rr GROUP BY rr.retro_id, rr.principle_number)"
                + " ORDER BY kind, unit_id, principle";
        assertThat(rows(rollup)).isEqualTo(rows(raw)).isNotEmpty();
        ChannelReport report = reports.channelReport(TEAM, range);
        for (int principle = 1; principle <= 8; principle++) {
            Score rawScore = report.principles().get(principle - 1).score();
            Score cell = cell(range, principle);
            assertThat(cell.status()).as("principle " + principle).isEqualTo(rawScore.status());
            assertThat(cell.mean()).as("principle " + principle).isEqualTo(rawScore.mean());
        }
    }

    private Score cell(ReportRange range, int principle) {
        return reports.heatmap("nhs", range).rows().stream().filter(row -> row.team().channel().equals(TEAM))
                .findFirst().map(row -> row.scores().get(principle - 1)).orElse(Score.NONE);
    }

    private List<List<Object>> rows(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("nudge.db"));
             PreparedStatement statement = connection.prepareStatement(sql);
             var result = statement.executeQuery()) {
            List<List<Object>> rows = new java.util.ArrayList<>();
            while (result.next()) {
                List<Object> row = new java.util.ArrayList<>();
                for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
                    Object value = result.getObject(c);
                    row.add(value instanceof Number number ? number.longValue() : value);
                }
                rows.add(row);
            }
            return rows;
        }
    }

    @Test
    void participation_of_every_team_in_one_read_equals_each_channel_reports() throws Exception {
        new ReportSeeder().seed(dir.resolve("nudge.db"), 12, 10, 2_000, NOW);
        ReportRange range = ReportRange.parse("4w", CLOCK, LONDON);

        var all = reports.participationByTeam(range);

        assertThat(all).hasSize(12);
        all.forEach((channel, participation) -> {
            assertThat(participation).isEqualTo(reports.channelReport(channel, range).participation());
            assertThat(participation.people()).isPositive();
        });
    }

    @Test
    void an_unknown_pack_for_the_heatmap_names_the_packs() {
        assertThatThrownBy(() -> reports.heatmap("nope", ReportRange.parse("4w", CLOCK, LONDON)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("nhs");
    }

    @Test
    void poll_results_keep_hidden_polls_hidden_until_closed_and_small_anonymous_polls_quiet() throws Exception {
        long hidden = poll(TEAM, 3, false, true, false, List.of(4, 4, 4, 4));
        long small = poll(TEAM, 3, true, false, true, List.of(0, 4));
        long named = poll(TEAM, 2, false, false, true, List.of(1, 2, 3));

        List<PollResult> polls = reports.polls(TEAM, ReportRange.parse("4w", CLOCK, LONDON));

        PollResult hiddenResult = polls.stream().filter(p -> p.id() == hidden).findFirst().orElseThrow();
        assertThat(hiddenResult.resultsShown()).isFalse();
        assertThat(hiddenResult.withheldReason()).isEqualTo("hidden until the poll closes");
        assertThat(hiddenResult.options()).allSatisfy(option -> assertThat(option.votes()).isNull());
        assertThat(hiddenResult.score().mean()).isNull();
        PollResult smallResult = polls.stream().filter(p -> p.id() == small).findFirst().orElseThrow();
        assertThat(smallResult.withheldReason()).isEqualTo("not enough answers");
        assertThat(smallResult.score().status()).isEqualTo(Score.Status.NOT_ENOUGH);
        PollResult namedResult = polls.stream().filter(p -> p.id() == named).findFirst().orElseThrow();
        assertThat(namedResult.resultsShown()).isTrue();
        assertThat(namedResult.options().stream().map(PollResult.Option::votes).toList()).containsExactly(0, 1, 1, 1, 0);
        assertThat(namedResult.score().mean()).isEqualTo(3.0);
        assertThat(namedResult.principleTitle()).isEqualTo("Set clear, realistic goals");
        // The hidden poll's votes stay out of the channel's scores too.
        assertThat(reports.channelReport(TEAM, ReportRange.parse("4w", CLOCK, LONDON)).principles().get(2).polls()
                .status()).isEqualTo(Score.Status.NOT_ENOUGH);
    }

    @Test
    void retro_ratings_show_mean_and_spread_only_from_three_respondents() throws Exception {
        long retro = retro(TEAM, true, new int[][] {{1, 5}, {1, 4}, {1, 3}}, new int[][] {{2, 5}, {2, 1}});

        RetroResult result = reports.retros(TEAM, ReportRange.parse("4w", CLOCK, LONDON)).get(0);

        assertThat(result.id()).isEqualTo(retro);
        assertThat(result.respondents()).isEqualTo(3);
        RetroResult.PrincipleRating first = result.ratings().get(0);
        assertThat(first.score().mean()).isEqualTo(4.0);
        assertThat(first.score().min()).isEqualTo(3.0);
        assertThat(first.score().max()).isEqualTo(5.0);
        RetroResult.PrincipleRating second = result.ratings().get(1);
        assertThat(second.score().status()).isEqualTo(Score.Status.NOT_ENOUGH);
        assertThat(second.score().min()).isNull();
    }

    @Test
    void open_actions_say_which_are_overdue_and_leave_done_ones_out() throws Exception {
        execute("INSERT INTO action_items (platform, workspace_id, channel_id, text, owner_id, pack, principle_number,"
                + " due_on, status, created_by, created_at) VALUES ('slack', 'T1', 'CTEAM', 'Measure lead time', 'U1',"
                + " 'nhs', 3, '2026-11-20', 'open', 'U1', 1), ('slack', 'T1', 'CTEAM', 'Ask users', 'U2', 'nhs', NULL,"
                + " '2026-12-01', 'open', 'U2', 1), ('slack', 'T1', 'CTEAM', 'Done thing', 'U2', 'nhs', NULL,"
                + " '2026-11-01', 'done', 'U2', 1)");

        List<OpenAction> actions = reports.openActions(TEAM);

        assertThat(actions).extracting(OpenAction::text).containsExactly("Measure lead time", "Ask users");
        assertThat(actions.get(0).overdue()).isTrue();
        assertThat(actions.get(0).principleTitle()).isEqualTo("Test, measure and learn");
        assertThat(actions.get(1).overdue()).isFalse();
        assertThat(reports.openActions()).hasSize(2);
    }

    @Test
    void csv_of_answers_has_a_header_a_row_per_answer_and_defuses_formulas() throws Exception {
        execute("INSERT INTO channels (platform, workspace_id, channel_id, pack, joined_at, display_name) VALUES"
                + " ('slack', 'T1', 'CTEAM', 'nhs', 1, '=HYPERLINK(\"x\")')");
        answer(TEAM, 3, List.of("U1", "U2"), "yes", 2);
        StringWriter out = new StringWriter();

        long rows = reports.exportCsv(ExportKind.ANSWERS, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), out);

        assertThat(rows).isEqualTo(2);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("date,time,platform,workspace_id,channel_id,channel_name,pack,"
                + "principle_number,principle_title,question,user_id,answer,score");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("2026-11-23,").contains(",slack,T1,CTEAM,\"'=HYPERLINK(\"\"x\"\")\",nhs,3,"
                + "\"Test, measure and learn\",Q?,U1,yes,5");
    }

    @Test
    void csv_of_votes_keeps_anonymous_votes_nameless_and_withholds_small_anonymous_polls() throws Exception {
        poll(TEAM, 3, true, false, true, List.of(4, 3, 2));   // anonymous, 3 voters: kept, without names
        poll(TEAM, 4, true, false, true, List.of(0, 1));      // anonymous, 2 voters: withheld
        poll(TEAM, 5, false, false, true, List.of(2, 2));     // named, 2 voters: kept with names
        poll(TEAM, 6, false, true, false, List.of(1));        // hidden and open: withheld
        StringWriter out = new StringWriter();

        long rows = reports.exportCsv(ExportKind.VOTES, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), out);

        assertThat(rows).isEqualTo(5);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).endsWith("option_label,score,user_id");
        List<String> anonymous = lines.stream().filter(l -> l.contains(",principle,true,")).toList();
        assertThat(anonymous).hasSize(3).allSatisfy(line -> {
            assertThat(line).startsWith("2026-11-23,,slack,").endsWith(",");
            assertThat(line).doesNotContain("UV");
        });
        assertThat(lines.stream().filter(l -> l.contains(",principle,false,"))).hasSize(2)
                .allSatisfy(line -> assertThat(line).matches("2026-11-23,\\d\\d:\\d\\d:\\d\\d\\+00:00,.*,UV\\d+"));
        assertThat(lines).endsWith("# 2 rows withheld: anonymous polls or retros with fewer than 3 respondents",
                "# 1 row withheld: hidden polls that are still open");
    }

    @Test
    void a_csv_whose_rows_are_all_withheld_still_has_its_header_and_says_why_it_is_empty() throws Exception {
        poll(TEAM, 4, true, false, true, List.of(0, 1));
        StringWriter out = new StringWriter();

        assertThat(reports.exportCsv(ExportKind.VOTES, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), out))
                .isZero();
        assertThat(out.toString().lines().toList()).containsExactly(String.join(",", CsvExport.columns(ExportKind.VOTES)),
                "# 2 rows withheld: anonymous polls or retros with fewer than 3 respondents");
    }

    @Test
    void csv_of_ratings_has_no_user_ids_for_anonymous_retros() throws Exception {
        retro(TEAM, true, new int[][] {{1, 5}, {1, 4}, {1, 3}}, new int[0][]);
        retro(TEAM, false, new int[][] {{1, 2}, {1, 2}, {1, 2}}, new int[0][]);
        StringWriter out = new StringWriter();

        assertThat(reports.exportCsv(ExportKind.RATINGS, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), out))
                .isEqualTo(6);
        List<String> lines = out.toString().lines().skip(1).toList();
        assertThat(lines.stream().filter(l -> l.contains(",true,nhs,")))
                .hasSize(3).allSatisfy(line -> assertThat(line).endsWith(",").doesNotContain("UR"));
        assertThat(lines.stream().filter(l -> l.contains(",false,nhs,")))
                .hasSize(3).allSatisfy(line -> assertThat(line).contains(",UR"));
    }

    @Test
    void an_export_of_an_empty_range_is_refused_with_a_clear_message_and_writes_nothing() throws Exception {
        answer(TEAM, 3, List.of("U1"), "yes", 2);
        StringWriter out = new StringWriter();

        assertThatThrownBy(() -> reports.exportCsv(ExportKind.ANSWERS, LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 1, 31), out))
                .isInstanceOf(UserInputException.class)
                .hasMessage("There are no answers between 1 Jan 2025 – 31 Jan 2025, so there is nothing to export."
                        + " Pick a wider range.");
        assertThat(out.toString()).isEmpty();
        assertThatThrownBy(() -> reports.exportCsv(ExportKind.ANSWERS, LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 1, 1), out)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("must end on or after");
        assertThatThrownBy(() -> ExportKind.fromId("people")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("answers, votes, ratings");
    }

    // --- direct inserts: history as the bot would have stored it, two days ago ---

    private static final long TWO_DAYS_AGO = NOW.minusSeconds(2 * 86400).toEpochMilli();

    private void answer(ConversationRef where, int principle, List<String> users, String answer, int daysAgo)
            throws SQLException {
        long at = NOW.minusSeconds(daysAgo * 86400L).toEpochMilli();
        long prompt = ++nextId;
        execute("INSERT INTO prompts (id, platform, workspace_id, channel_id, pack, principle_number, question, asked_by,"
                + " asked_at, message_id) VALUES (?, ?, ?, ?, 'nhs', ?, 'Q?', 'ULEAD', ?, 'ts')", prompt,
                where.platform().id(), where.workspaceId(), where.channelId(), principle, at);
        for (String user : users) {
            execute("INSERT INTO prompt_answers (prompt_id, user_id, answer, answered_at) VALUES (?, ?, ?, ?)", prompt,
                    user, answer, at + 1000);
        }
    }

    private long poll(ConversationRef where, int principle, boolean anonymous, boolean hidden, boolean closed,
                      List<Integer> positions) throws SQLException {
        long poll = ++nextId;
        execute("INSERT INTO polls (id, platform, workspace_id, channel_id, kind, pack, principle_number, question,"
                + " anonymous, hidden, created_by, created_at, closed_at, message_id) VALUES (?, ?, ?, ?, 'principle',"
                + " 'nhs', ?, 'How well?', ?, ?, 'ULEAD', ?, ?, 'tp')", poll, where.platform().id(), where.workspaceId(),
                where.channelId(), principle, anonymous ? 1 : 0, hidden ? 1 : 0, TWO_DAYS_AGO,
                closed ? TWO_DAYS_AGO + 3_600_000 : null);
        for (int position = 0; position < 5; position++) {
            execute("INSERT INTO poll_options (poll_id, position, label) VALUES (?, ?, ?)", poll, position,
                    String.valueOf(position + 1));
        }
        for (int i = 0; i < positions.size(); i++) {
            execute("INSERT INTO poll_votes (poll_id, voter_key, user_id, position, voted_at) VALUES (?, ?, ?, ?, ?)",
                    poll, anonymous ? (closed ? null : "hash" + i) : "UV" + i, anonymous ? null : "UV" + i,
                    positions.get(i), TWO_DAYS_AGO + 1000 + i);
        }
        return poll;
    }

    /** {@code ratings}: {principle, score} per respondent for principle 1; {@code extra}: more ratings, one person each. */
    private long retro(ConversationRef where, boolean anonymous, int[][] ratings, int[][] extra) throws SQLException {
        long retro = ++nextId;
        execute("INSERT INTO retros (id, platform, workspace_id, channel_id, pack, anonymous, opened_by, opened_at,"
                + " closed_at) VALUES (?, ?, ?, ?, 'nhs', ?, 'ULEAD', ?, ?)", retro, where.platform().id(),
                where.workspaceId(), where.channelId(), anonymous ? 1 : 0, TWO_DAYS_AGO, TWO_DAYS_AGO + 3_600_000);
        for (int i = 0; i < ratings.length; i++) {
            long respondent = ++nextId;
            String user = anonymous ? null : "UR" + i;
            execute("INSERT INTO retro_respondents (id, retro_id, respondent_key, answered_at) VALUES (?, ?, ?, ?)",
                    respondent, retro, user, TWO_DAYS_AGO + 1000);
            execute("INSERT INTO retro_ratings (retro_id, respondent_id, user_id, principle_number, score, rated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", retro, respondent, user, ratings[i][0], ratings[i][1],
                    TWO_DAYS_AGO + 1000);
            if (i < extra.length) {
                execute("INSERT INTO retro_ratings (retro_id, respondent_id, user_id, principle_number, score, rated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", retro, respondent, user, extra[i][0], extra[i][1],
                        TWO_DAYS_AGO + 1000);
            }
        }
        return retro;
    }

    private void execute(String sql, Object... params) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("nudge.db"));
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        }
    }
}
