package dev.nudge.reports;

import dev.nudge.chat.ConversationRef;
import dev.nudge.chat.UserInputException;
import dev.nudge.principles.ChannelPacks;
import dev.nudge.principles.PackCatalog;
import dev.nudge.principles.Principle;
import dev.nudge.principles.PrinciplePack;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reports on how channels live their principles: the chat summary, weekly trends, the cross-team heatmap, polls,
 * retros, open actions and CSV export. Every score passes the {@link PrivacyRule}; anonymous data never carries a
 * user id. A principle's score is the mean on 1-5 of all its evidence: prompt answers (yes 5, partly 3, not yet 1),
 * principle-poll votes and retro ratings.
 */
public final class ReportService {
    private final ReportRepository reports;
    private final ChannelPacks packs;
    private final PrivacyRule privacy;
    private final Clock clock;
    private final ZoneId zone;

    public ReportService(ReportRepository reports, ChannelPacks packs, int privacyThreshold, Clock clock, ZoneId zone) {
        this.reports = reports;
        this.packs = packs;
        this.privacy = new PrivacyRule(privacyThreshold);
        this.clock = clock;
        this.zone = zone;
    }

    public int privacyThreshold() {
        return privacy.threshold();
    }

    public ZoneId zone() {
        return zone;
    }

    /** {@code 4w} (default, also for null or blank), {@code 12w} or {@code quarter}; else a UserInputException. */
    public ReportRange range(String text) {
        return ReportRange.parse(text, clock, zone);
    }

    /** The last {@code weeks} weeks to today, e.g. 52 for a year's trend. */
    public ReportRange lastWeeks(int weeks) {
        return ReportRange.lastWeeks(weeks, clock, zone);
    }

    /** Every channel with data, by name. */
    public List<TeamInfo> teams() {
        return reports.channelsWithData().stream().map(this::team)
                .sorted(java.util.Comparator.comparing(TeamInfo::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** The channel as reports name it, whether or not it has data. */
    public TeamInfo team(ConversationRef channel) {
        return reports.channel(channel).map(this::team)
                .orElseGet(() -> new TeamInfo(channel, channel.channelId(), packs.forChannel(channel).name(), null));
    }

    /**
     * When anyone last answered, voted or rated in each channel (absent when nobody ever did), in one read: the team
     * list shows it for every team, and a read per team took over a second at 500 teams.
     */
    public Map<ConversationRef, Instant> lastActivityByChannel() {
        return reports.lastActivityByChannel();
    }

    public PackCatalog catalog() {
        return packs.catalog();
    }

    public ChannelReport channelReport(ConversationRef channel, ReportRange range) {
        TeamInfo team = team(channel);
        PrinciplePack pack = packs.catalog().byNameOrDefault(team.pack());
        ReportRange previous = range.previous();
        List<ReportRepository.Evidence> evidence = reports.evidence(channel, pack.name(), previous.from(), range.to());
        List<ReportRepository.Activity> activity = reports.activity(channel, previous.from(), range.to());
        Instant split = range.from();

        List<PrincipleSummary> principles = new ArrayList<>();
        for (Principle principle : pack.principles()) {
            PrincipleTotals now = new PrincipleTotals();
            PrincipleTotals before = new PrincipleTotals();
            for (ReportRepository.Evidence item : evidence) {
                if (item.principle() == principle.number()) {
                    (item.at().isBefore(split) ? before : now).add(item);
                }
            }
            principles.add(now.summary(principle, before, privacy));
        }
        List<EvidenceNote> notes = reports.notes(channel, pack.name(), range.from(), range.to());
        return new ChannelReport(team, pack.title(), range, participation(activity, split, range.to(), team),
                participation(activity, previous.from(), split, team), principles, notes, privacy.threshold());
    }

    /**
     * Participation of every team with data in one read, for a page listing many teams (a channel report per team
     * would read each team's answers separately). Teams without activity in the range have 0 people.
     */
    public Map<ConversationRef, Participation> participationByTeam(ReportRange range) {
        Map<ConversationRef, Integer> people = reports.peopleByChannel(range.from(), range.to());
        Map<ConversationRef, Participation> result = new java.util.LinkedHashMap<>();
        for (TeamInfo team : teams()) {
            result.put(team.channel(), new Participation(people.getOrDefault(team.channel(), 0), team.memberCount()));
        }
        return result;
    }

    public TrendReport trend(ConversationRef channel, ReportRange range) {
        TeamInfo team = team(channel);
        PrinciplePack pack = packs.catalog().byNameOrDefault(team.pack());
        List<ReportRange.Week> weeks = range.weeks();
        List<ReportRepository.Evidence> evidence = reports.evidence(channel, pack.name(), range.from(), range.to());
        List<ReportRepository.Activity> activity = reports.activity(channel, range.from(), range.to());

        Map<Integer, List<ScoreGroup>> groups = new HashMap<>();
        for (Principle principle : pack.principles()) {
            List<ScoreGroup> perWeek = new ArrayList<>();
            weeks.forEach(week -> perWeek.add(new ScoreGroup()));
            groups.put(principle.number(), perWeek);
        }
        for (ReportRepository.Evidence item : evidence) {
            List<ScoreGroup> perWeek = groups.get(item.principle());
            int week = weekOf(weeks, item.at());
            if (perWeek != null && week >= 0) {
                perWeek.get(week).add(item.who(), item.score());
            }
        }
        List<Set<String>> people = new ArrayList<>();
        weeks.forEach(week -> people.add(new HashSet<>()));
        for (ReportRepository.Activity item : activity) {
            int week = weekOf(weeks, item.at());
            if (week >= 0) {
                people.get(week).add(item.who());
            }
        }
        List<TrendReport.PrincipleTrend> lines = new ArrayList<>();
        for (Principle principle : pack.principles()) {
            lines.add(new TrendReport.PrincipleTrend(principle.number(), principle.title(),
                    groups.get(principle.number()).stream().map(group -> group.score(privacy)).toList()));
        }
        return new TrendReport(team, pack.title(), range, weeks,
                people.stream().map(set -> new Participation(set.size(), team.memberCount())).toList(), lines);
    }

    /**
     * Teams x principles of one pack (unknown pack: a UserInputException naming the packs). Each cell is the same
     * combined score as {@link #channelReport}'s. To stay fast over every team, distinct respondents are bounded from
     * per-prompt, per-poll and per-retro totals and counted exactly only where the bounds straddle the threshold; so
     * a cell's {@code respondents} is "at least" this many people, and min and max are not given.
     */
    public Heatmap heatmap(String packName, ReportRange range) {
        PrinciplePack pack = packs.catalog().byName(packName);
        Map<ConversationRef, Score[]> cells = new HashMap<>();
        for (ReportRepository.CellTotals totals : reports.cellTotals(pack.name(), range.from(), range.to())) {
            if (totals.principle() < 1 || totals.principle() > pack.principles().size()) {
                continue;
            }
            Score[] row = cells.computeIfAbsent(totals.channel(), c -> emptyRow(pack));
            row[totals.principle() - 1] = cell(totals, pack, range);
        }
        // Rows: teams with evidence in the range, and the known teams using this pack (with empty cells). Reading
        // the channels table is cheap; teams() looks through every prompt and poll.
        Map<ConversationRef, TeamInfo> teams = new HashMap<>();
        reports.knownChannels().forEach(row -> teams.put(row.channel(), team(row)));
        List<Heatmap.Row> rows = new ArrayList<>();
        for (ConversationRef channel : cells.keySet()) {
            TeamInfo team = teams.computeIfAbsent(channel,
                    c -> new TeamInfo(c, c.channelId(), packs.catalog().defaultPack().name(), null));
            rows.add(new Heatmap.Row(team, List.of(cells.get(channel))));
        }
        for (TeamInfo team : teams.values()) {
            if (!cells.containsKey(team.channel()) && team.pack().equals(pack.name())) {
                rows.add(new Heatmap.Row(team, List.of(emptyRow(pack))));
            }
        }
        rows.sort(java.util.Comparator.comparing((Heatmap.Row row) -> row.team().name(), String.CASE_INSENSITIVE_ORDER));
        return new Heatmap(pack.name(), pack.title(), range,
                pack.principles().stream().map(p -> new Heatmap.Column(p.number(), p.title())).toList(), rows,
                privacy.threshold());
    }

    private Score cell(ReportRepository.CellTotals totals, PrinciplePack pack, ReportRange range) {
        int respondents;
        if (privacy.enough(totals.largestGroup()) || !privacy.enough(totals.groupsTotal())) {
            respondents = totals.largestGroup();
        } else {
            // The bounds straddle the threshold: count this cell's people exactly.
            ScoreGroup exact = new ScoreGroup();
            reports.evidence(totals.channel(), pack.name(), range.from(), range.to()).stream()
                    .filter(item -> item.principle() == totals.principle())
                    .forEach(item -> exact.add(item.who(), item.score()));
            respondents = exact.respondents();
        }
        Score score = privacy.score(respondents, totals.count(), totals.sum(), 1, 5);
        return score.shown() ? new Score(Score.Status.SHOWN, score.respondents(), score.mean(), null, null, Trend.NONE)
                : score;
    }

    public List<PollResult> polls(ConversationRef channel, ReportRange range) {
        List<PollResult> results = new ArrayList<>();
        for (ReportRepository.PollRow poll : reports.polls(channel, range.from(), range.to())) {
            int voters = poll.counts().stream().mapToInt(Integer::intValue).sum();
            boolean principlePoll = "principle".equals(poll.kind());
            String withheld = poll.hidden() && poll.closedAt() == null ? "hidden until the poll closes"
                    : voters > 0 && !privacy.enough(voters) ? Score.NOT_ENOUGH_TEXT : null;
            List<PollResult.Option> options = new ArrayList<>();
            ScoreGroup group = new ScoreGroup();
            for (int i = 0; i < poll.options().size(); i++) {
                options.add(new PollResult.Option(poll.options().get(i), withheld == null ? poll.counts().get(i) : null));
                for (int vote = 0; principlePoll && vote < poll.counts().get(i); vote++) {
                    group.add("v:" + i + ":" + vote, i + 1);
                }
            }
            Score score = !principlePoll ? Score.NONE : withheld != null
                    ? (voters == 0 ? Score.NONE : new Score(Score.Status.NOT_ENOUGH, voters, null, null, null, Trend.NONE))
                    : group.score(privacy);
            String title = principlePoll && poll.principle() != null ? principleTitle(poll.pack(), poll.principle()) : null;
            results.add(new PollResult(poll.id(), poll.channel(), poll.question(), principlePoll, poll.principle(), title,
                    poll.anonymous(), poll.hidden(), poll.createdAt(), poll.closedAt(), voters, withheld == null,
                    withheld, options, score));
        }
        return results;
    }

    public List<RetroResult> retros(ConversationRef channel, ReportRange range) {
        List<RetroResult> results = new ArrayList<>();
        for (ReportRepository.RetroRow retro : reports.retros(channel, range.from(), range.to())) {
            List<RetroResult.PrincipleRating> ratings = new ArrayList<>();
            for (ReportRepository.RetroTotals totals : retro.totals()) {
                ratings.add(new RetroResult.PrincipleRating(totals.principle(),
                        principleTitle(retro.pack(), totals.principle()),
                        privacy.score(totals.count(), totals.count(), totals.sum(), totals.min(), totals.max())));
            }
            results.add(new RetroResult(retro.id(), retro.channel(), retro.anonymous(), retro.openedAt(),
                    retro.closedAt(), retro.respondents(), ratings));
        }
        return results;
    }

    /** Open action items of one channel, soonest due first. */
    public List<OpenAction> openActions(ConversationRef channel) {
        return actions(Optional.of(channel));
    }

    /** Open action items of every channel, soonest due first. */
    public List<OpenAction> openActions() {
        return actions(Optional.empty());
    }

    /**
     * Writes answers, votes or ratings of the days {@code from..to} (inclusive, in the configured zone) of every
     * channel as CSV; see {@link CsvExport} for the columns and what is withheld. Returns the number of data rows
     * written. An empty range is refused with a UserInputException before anything is written.
     */
    public long exportCsv(ExportKind kind, LocalDate from, LocalDate to, Writer out) {
        return exportCsv(kind, Optional.empty(), from, to, out);
    }

    /** As {@link #exportCsv(ExportKind, LocalDate, LocalDate, Writer)} for one channel, or all when empty. */
    public long exportCsv(ExportKind kind, Optional<ConversationRef> channel, LocalDate from, LocalDate to, Writer out) {
        if (from == null || to == null) {
            throw new UserInputException("An export needs a first and a last day (yyyy-mm-dd).");
        }
        ReportRange range = ReportRange.between(from, to, zone);
        if (reports.exportCount(kind, channel, range.from(), range.to()) == 0) {
            throw new UserInputException("There are no " + kind.id() + " between " + range.dates()
                    + ", so there is nothing to export. Pick a wider range.");
        }
        return new CsvExport(kind, zone, privacy, packs.catalog()).write(
                sink -> reports.export(kind, channel, range.from(), range.to(), sink), out);
    }

    private List<OpenAction> actions(Optional<ConversationRef> channel) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Map<ConversationRef, TeamInfo> teams = new HashMap<>();
        List<OpenAction> result = new ArrayList<>();
        for (ReportRepository.ActionRow row : reports.openActions(channel)) {
            TeamInfo team = teams.computeIfAbsent(row.channel(), this::team);
            LocalDate due = LocalDate.parse(row.dueOn());
            result.add(new OpenAction(row.id(), team, row.text(), row.ownerId(), row.principle(),
                    row.principle() == null ? null : principleTitle(row.pack(), row.principle()), due, row.createdAt(),
                    due.isBefore(today)));
        }
        return result;
    }

    private TeamInfo team(ReportRepository.ChannelRow row) {
        String name = row.displayName() == null || row.displayName().isBlank() ? row.channel().channelId()
                : row.displayName();
        return new TeamInfo(row.channel(), name, packs.catalog().byNameOrDefault(row.pack()).name(), row.memberCount());
    }

    private String principleTitle(String packName, int number) {
        PrinciplePack pack = packs.catalog().byNameOrDefault(packName);
        return number >= 1 && number <= pack.principles().size() ? pack.principles().get(number - 1).title()
                : "Principle " + number;
    }

    private static Score[] emptyRow(PrinciplePack pack) {
        Score[] row = new Score[pack.principles().size()];
        java.util.Arrays.fill(row, Score.NONE);
        return row;
    }

    private static Participation participation(List<ReportRepository.Activity> activity, Instant from, Instant to,
                                               TeamInfo team) {
        Set<String> people = new HashSet<>();
        for (ReportRepository.Activity item : activity) {
            if (!item.at().isBefore(from) && item.at().isBefore(to)) {
                people.add(item.who());
            }
        }
        return new Participation(people.size(), team.memberCount());
    }

    /** Index of the week holding {@code at}, or -1 outside them. */
    static int weekOf(List<ReportRange.Week> weeks, Instant at) {
        int low = 0;
        int high = weeks.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            ReportRange.Week week = weeks.get(mid);
            if (at.isBefore(week.from())) {
                high = mid - 1;
            } else if (!at.isBefore(week.to())) {
                low = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** Evidence about one principle in one span, split by source. */
    private static final class PrincipleTotals {
        final ScoreGroup all = new ScoreGroup();
        final ScoreGroup answers = new ScoreGroup();
        final ScoreGroup polls = new ScoreGroup();
        final ScoreGroup retros = new ScoreGroup();
        int yes;
        int partly;
        int notYet;

        void add(ReportRepository.Evidence item) {
            all.add(item.who(), item.score());
            switch (item.source()) {
                case ANSWER -> {
                    answers.add(item.who(), item.score());
                    if (item.score() == 5) {
                        yes++;
                    } else if (item.score() == 3) {
                        partly++;
                    } else {
                        notYet++;
                    }
                }
                case VOTE -> polls.add(item.who(), item.score());
                case RATING -> retros.add(item.who(), item.score());
            }
        }

        PrincipleSummary summary(Principle principle, PrincipleTotals before, PrivacyRule privacy) {
            Score answerScore = answers.score(privacy);
            AnswerBreakdown breakdown = answerScore.status() == Score.Status.NO_DATA ? AnswerBreakdown.NONE
                    : answerScore.shown() ? new AnswerBreakdown(yes, partly, notYet, answerScore)
                    : new AnswerBreakdown(null, null, null, answerScore);
            return new PrincipleSummary(principle.number(), principle.title(),
                    trended(all, before.all, privacy),
                    breakdown.withTrend(Trend.between(before.answers.score(privacy), answerScore)),
                    trended(polls, before.polls, privacy), trended(retros, before.retros, privacy));
        }

        private static Score trended(ScoreGroup now, ScoreGroup before, PrivacyRule privacy) {
            Score current = now.score(privacy);
            return current.withTrend(Trend.between(before.score(privacy), current));
        }
    }
}
