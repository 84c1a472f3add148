package dev.nudge.polls;

import dev.nudge.chat.ChatMessage;
import dev.nudge.principles.Principle;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How a poll looks: live counts with bars (unless hidden), vote and close buttons, and its rules in plain words. */
final class PollCard {
    private static final int BAR_WIDTH = 12;
    private static final DateTimeFormatter CLOSE_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK);

    private PollCard() {}

    static ChatMessage render(Poll poll, List<Integer> counts, Optional<Principle> principle, ZoneId zone) {
        int total = counts.stream().mapToInt(Integer::intValue).sum();
        boolean showCounts = !poll.hidden() || poll.isClosed();
        ChatMessage.Builder card = ChatMessage.builder((poll.isClosed() ? "Closed poll: " : "Poll: ") + poll.question())
                .header((poll.isClosed() ? "Closed: " : "") + poll.question());
        principle.ifPresent(p -> card.context("Principle " + p.numberedTitle() + " · 1 = not at all, 5 = fully"));
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < poll.options().size(); i++) {
            lines.append(i == 0 ? "" : "\n").append("*").append(poll.options().get(i)).append("*");
            if (showCounts) {
                lines.append("\n").append(bar(counts.get(i), total)).append("  ").append(counts.get(i))
                        .append(counts.get(i) == 1 ? " vote" : " votes");
                if (total > 0) {
                    lines.append(" (").append(Math.round(100.0 * counts.get(i) / total)).append("%)");
                }
            }
        }
        card.text(lines.toString());
        if (!poll.isClosed()) {
            List<ChatMessage.Button> votes = new ArrayList<>();
            for (int i = 0; i < poll.options().size(); i++) {
                votes.add(new ChatMessage.Button(PollService.VOTE_ACTION, poll.id() + ":" + i, poll.options().get(i)));
            }
            card.buttons(votes);
            card.buttons(List.of(new ChatMessage.Button(PollService.CLOSE_ACTION, String.valueOf(poll.id()), "Close poll",
                    ChatMessage.Style.DANGER)));
        }
        List<String> rules = new ArrayList<>();
        rules.add(total + (total == 1 ? " vote" : " votes"));
        rules.add(poll.anonymous()
                ? "Anonymous: Nudge never stores who voted for what, and this cannot be changed."
                : "Named: Nudge records who voted for what. This cannot be changed.");
        if (poll.hidden() && !poll.isClosed()) {
            rules.add("Results are hidden until the poll closes.");
        }
        rules.add(poll.isClosed() ? "Closed " + CLOSE_TIME.format(poll.closedAt().atZone(zone))
                : poll.closesAt() != null ? "Closes " + CLOSE_TIME.format(poll.closesAt().atZone(zone)) + " ("
                + zone.getId() + ")" : "Open until its creator closes it. You can change your vote.");
        card.context(String.join(" · ", rules));
        return card.build();
    }

    /** The final result, posted in the poll's thread. */
    static ChatMessage result(Poll poll, List<Integer> counts) {
        int total = counts.stream().mapToInt(Integer::intValue).sum();
        StringBuilder text = new StringBuilder("*Poll closed:* " + poll.question() + "\n");
        if (total == 0) {
            text.append("No votes were cast.");
            return ChatMessage.text(text.toString());
        }
        int best = counts.stream().mapToInt(Integer::intValue).max().orElse(0);
        List<String> winners = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            text.append("\n").append(poll.options().get(i)).append(": ").append(counts.get(i)).append(" (")
                    .append(Math.round(100.0 * counts.get(i) / total)).append("%)");
            if (counts.get(i) == best) {
                winners.add(poll.options().get(i));
            }
        }
        text.append("\n\n").append(total).append(total == 1 ? " vote. " : " votes. ");
        if (poll.kind() == Poll.Kind.PRINCIPLE) {
            double sum = 0;
            for (int i = 0; i < counts.size(); i++) {
                sum += (i + 1) * counts.get(i);
            }
            text.append(String.format(Locale.UK, "Average score: *%.1f* out of 5.", sum / total));
        } else {
            text.append(winners.size() == 1 ? "Most votes: *" + winners.get(0) + "*."
                    : "Tied: *" + String.join("*, *", winners) + "*.");
        }
        return ChatMessage.text(text.toString());
    }

    static String bar(int count, int total) {
        int filled = total == 0 ? 0 : (int) Math.round((double) BAR_WIDTH * count / total);
        return "`" + "█".repeat(filled) + "░".repeat(BAR_WIDTH - filled) + "`";
    }
}
