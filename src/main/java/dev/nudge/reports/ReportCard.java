package dev.nudge.reports;

import dev.nudge.chat.ChatMessage;
import dev.nudge.prompts.Answer;
import java.util.ArrayList;
import java.util.List;

/** How a channel report looks in chat: neutral parts only, so Slack and Teams each draw it natively. */
final class ReportCard {
    /** Notes beyond this many are counted, not shown, so the message stays readable and within platform limits. */
    static final int MAX_NOTES = 10;
    static final int MAX_NOTE_CHARS = 280;

    private ReportCard() {}

    static ChatMessage render(ChannelReport report) {
        String title = "Principles report: " + report.team().name() + ", " + report.range().label();
        ChatMessage.Builder card = ChatMessage.builder(title + " (" + report.range().dates() + ")")
                .header(title)
                .context(report.packTitle() + " · " + report.range().dates());
        card.text("*Participation:* " + report.participation().text() + " took part"
                + (report.previousParticipation().people() > 0
                ? " (" + report.previousParticipation().text() + " in the previous " + report.range().days() + " days)"
                : ""));
        card.divider();
        for (PrincipleSummary principle : report.principles()) {
            card.text(principleText(principle));
        }
        if (!report.notes().isEmpty()) {
            card.divider();
            StringBuilder notes = new StringBuilder("*What you measured* (" + report.notes().size()
                    + (report.notes().size() == 1 ? " note" : " notes") + ")");
            for (EvidenceNote note : report.notes().subList(0, Math.min(MAX_NOTES, report.notes().size()))) {
                notes.append("\n• ").append(principleLabel(report, note.principle())).append(": “")
                        .append(clip(note.text().replace('\n', ' '))).append('”');
            }
            if (report.notes().size() > MAX_NOTES) {
                notes.append("\n_…and ").append(report.notes().size() - MAX_NOTES).append(" more._");
            }
            card.text(notes.toString());
        }
        card.context("Scores are means on 1–5: Yes = 5, Partly = 3, Not yet = 1; poll votes and retro ratings as"
                + " given. Arrows compare with the previous " + report.range().days() + " days. A score from fewer than "
                + report.privacyThreshold() + " people shows as \"" + Score.NOT_ENOUGH_TEXT + "\".");
        return card.build();
    }

    static String principleText(PrincipleSummary principle) {
        String head = "*" + principle.number() + ". " + principle.title() + "*";
        if (!principle.hasData()) {
            return head + "\nNo answers, votes or retro ratings in this range yet.";
        }
        List<String> parts = new ArrayList<>();
        AnswerBreakdown answers = principle.answers();
        if (answers.score().shown()) {
            parts.add("Answers: " + answers.yes() + " " + Answer.YES.label() + " · " + answers.partly() + " "
                    + Answer.PARTLY.label() + " · " + answers.notYet() + " " + Answer.NOT_YET.label() + " ("
                    + answers.score().textWithTrend() + ")");
        } else {
            parts.add("Answers: " + part(answers.score()));
        }
        parts.add("Polls: " + part(principle.polls()));
        Score retros = principle.retros();
        parts.add("Retros: " + part(retros) + (retros.shown() && !retros.min().equals(retros.max())
                ? " (range " + Math.round(retros.min()) + "–" + Math.round(retros.max()) + ")" : ""));
        return head + " · score " + principle.score().textWithTrend() + "\n" + String.join(" · ", parts);
    }

    /** One part of a principle's line: "none" rather than "no answers" when that kind of evidence is missing. */
    private static String part(Score score) {
        return score.status() == Score.Status.NO_DATA ? "none" : score.textWithTrend();
    }

    private static String principleLabel(ChannelReport report, int number) {
        return report.principles().stream().filter(p -> p.number() == number).findFirst()
                .map(p -> "_" + p.number() + ". " + p.title() + "_").orElse("_Principle " + number + "_");
    }

    private static String clip(String text) {
        return text.length() > MAX_NOTE_CHARS ? text.substring(0, MAX_NOTE_CHARS - 1) + "…" : text;
    }
}
