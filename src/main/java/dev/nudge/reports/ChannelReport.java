package dev.nudge.reports;

import java.util.List;

/**
 * What {@code /nudge report} shows for one channel: participation now and before, every principle of the channel's
 * pack (principles without data included), and the evidence notes of the range, newest first.
 */
public record ChannelReport(TeamInfo team, String packTitle, ReportRange range, Participation participation,
                            Participation previousParticipation, List<PrincipleSummary> principles,
                            List<EvidenceNote> notes, int privacyThreshold) {
    public ChannelReport {
        principles = List.copyOf(principles);
        notes = List.copyOf(notes);
    }
}
