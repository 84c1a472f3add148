package dev.nudge.reports;

import dev.nudge.chat.ConversationRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What reports read. Times are instants with {@code from} inclusive and {@code to} exclusive. {@code who} identifies
 * a person as {@code u:<user id>}, or one anonymous vote ({@code v:<vote id>}) or anonymous retro respondent
 * ({@code r:<respondent id>}), so counting distinct {@code who} counts respondents as the reports define them.
 */
public interface ReportRepository {

    enum Source { ANSWER, VOTE, RATING }

    /** One piece of evidence about a principle: a prompt answer (5/3/1), a principle-poll vote or a retro rating. */
    record Evidence(Source source, int principle, String who, int score, Instant at) {}

    /** Someone doing anything in a channel: an answer, any vote, a retro response. */
    record Activity(String who, Instant at) {}

    /** Stored facts about a channel: pack as stored (null: default), display name and member count (may be null). */
    record ChannelRow(ConversationRef channel, String pack, String displayName, Integer memberCount) {}

    /**
     * Totals of one cell of the heatmap, added up per prompt, per poll and per retro. Within one of those each
     * person counts once, so the cell's distinct respondents are at least {@code largestGroup} and at most
     * {@code groupsTotal}; {@code sum} and {@code count} are exact.
     */
    record CellTotals(ConversationRef channel, int principle, int largestGroup, int groupsTotal, long sum, int count) {}

    record PollRow(long id, ConversationRef channel, String kind, String pack, Integer principle, String question,
                   boolean anonymous, boolean hidden, Instant createdAt, Instant closedAt, List<String> options,
                   List<Integer> counts) {}

    record RetroRow(long id, ConversationRef channel, String pack, boolean anonymous, Instant openedAt,
                    Instant closedAt, int respondents, List<RetroTotals> totals) {}

    /** Ratings of one principle in one retro (one rating per respondent, so count = respondents). */
    record RetroTotals(int principle, int count, long sum, int min, int max) {}

    record ActionRow(long id, ConversationRef channel, String text, String ownerId, String pack, Integer principle,
                     String dueOn, Instant createdAt) {}

    /**
     * One row of a CSV export. {@code groupId} is the poll or retro (0 for answers); {@code groupRespondents} is how
     * many people answered that whole poll or retro; {@code hiddenOpen} marks votes of a hidden poll still open.
     * {@code answer} is the prompt answer id for answers, the poll kind for votes, null for ratings.
     */
    record ExportRow(ConversationRef channel, String channelName, long groupId, boolean anonymous,
                     int groupRespondents, boolean hiddenOpen, String pack, Integer principle, String question,
                     String userId, String answer, Integer position, String optionLabel, Integer score, Instant at) {}

    @FunctionalInterface
    interface ExportSink {
        void accept(ExportRow row);
    }

    /** Channels with any prompt, poll or retro. */
    List<ChannelRow> channelsWithData();

    Optional<ChannelRow> channel(ConversationRef channel);

    /** Every row of the channels table (channels Nudge has joined or that picked a pack). */
    List<ChannelRow> knownChannels();

    /** Evidence about the principles of {@code pack} in one channel. Votes of hidden polls still open are left out. */
    List<Evidence> evidence(ConversationRef channel, String pack, Instant from, Instant to);

    List<Activity> activity(ConversationRef channel, Instant from, Instant to);

    /** When anyone last answered, voted or rated in each channel, in one read; channels with none are absent. */
    java.util.Map<ConversationRef, Instant> lastActivityByChannel();

    /** Distinct people active in each channel in the span (counted as {@link #activity} does), in one read. */
    java.util.Map<ConversationRef, Integer> peopleByChannel(Instant from, Instant to);

    /** Heatmap totals for every channel with evidence in {@code pack}; same evidence as {@link #evidence}. */
    List<CellTotals> cellTotals(String pack, Instant from, Instant to);

    /** Notes on the channel's prompts of {@code pack}, newest first. */
    List<EvidenceNote> notes(ConversationRef channel, String pack, Instant from, Instant to);

    /** Polls posted in the channel in the span, newest first. */
    List<PollRow> polls(ConversationRef channel, Instant from, Instant to);

    /** Retros opened in the channel in the span, newest first. */
    List<RetroRow> retros(ConversationRef channel, Instant from, Instant to);

    /** Open action items of one channel, or of all when {@code channel} is empty, soonest due first. */
    List<ActionRow> openActions(Optional<ConversationRef> channel);

    /** How many rows an export would read before any are withheld. */
    long exportCount(ExportKind kind, Optional<ConversationRef> channel, Instant from, Instant to);

    /** Streams the rows of an export in time order. */
    void export(ExportKind kind, Optional<ConversationRef> channel, Instant from, Instant to, ExportSink sink);
}
