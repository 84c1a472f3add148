package dev.nudge.retros;

import dev.nudge.chat.ChatMessage;
import dev.nudge.principles.Principle;
import dev.nudge.principles.PrinciplePack;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The summary posted in a closed retro's thread: per principle the mean score, spread, number of ratings and change
 * since the previous retro; the two lowest principles; the notes by principle; and a prompt to add action items.
 * A principle rated by fewer than the privacy threshold shows "not enough answers" and nothing else. Notes carry
 * names only in named retros. Long notes continue in further messages so no message breaks a platform's limits.
 */
final class RetroSummary {
    /** Characters of notes per message: well inside Slack's 50 blocks and Teams' 28 KB card. */
    static final int NOTES_PER_MESSAGE = 6000;
    /** Characters of one text of notes, near a Slack section's 3,000. */
    static final int NOTE_BLOCK = 2800;
    /** Principles with notes per message, so the scores, notes and prompt stay within 50 Slack blocks. */
    static final int GROUPS_PER_MESSAGE = 15;
    static final int LOWEST = 2;

    /** The scores of one principle; {@code enough} is false when too few rated it to show anything. */
    record Score(Principle principle, int ratings, boolean enough, double mean, int min, int max, Optional<Double> change) {}

    private RetroSummary() {}

    static List<Score> scores(PrinciplePack pack, Map<Integer, List<Integer>> now,
                              Optional<Map<Integer, List<Integer>>> before, int threshold) {
        List<Score> scores = new ArrayList<>();
        for (Principle principle : pack.principles()) {
            List<Integer> given = now.getOrDefault(principle.number(), List.of());
            if (given.size() < threshold) {
                scores.add(new Score(principle, given.size(), false, 0, 0, 0, Optional.empty()));
                continue;
            }
            double mean = mean(given);
            Optional<Double> change = before.map(b -> b.getOrDefault(principle.number(), List.of()))
                    .filter(earlier -> earlier.size() >= threshold)
                    .map(earlier -> round(mean) - round(mean(earlier)));
            scores.add(new Score(principle, given.size(), true, mean,
                    given.stream().mapToInt(Integer::intValue).min().orElseThrow(),
                    given.stream().mapToInt(Integer::intValue).max().orElseThrow(), change));
        }
        return scores;
    }

    /** The principles with the lowest mean among those with enough answers (ties: the lower number first). */
    static List<Score> lowest(List<Score> scores) {
        return scores.stream().filter(Score::enough)
                .sorted(Comparator.comparingDouble((Score s) -> round(s.mean())).thenComparingInt(s -> s.principle().number()))
                .limit(LOWEST).toList();
    }

    static List<ChatMessage> messages(Retro retro, PrinciplePack pack, List<Score> scores, boolean comparable,
                                      List<RetroNote> notes, String progress, int threshold, String prefix) {
        List<Score> lowest = lowest(scores);
        StringBuilder lines = new StringBuilder();
        for (Score score : scores) {
            lines.append(lines.length() == 0 ? "" : "\n").append(line(score, lowest.contains(score), comparable));
        }
        ChatMessage.Builder first = ChatMessage.builder("Retro summary: " + progress).header("Retro summary")
                .context((retro.anonymous() ? "Anonymous retro" : "Named retro") + " · " + progress
                        + " · 1 = not at all, 5 = fully · a score needs at least " + threshold + " ratings")
                .text("*Scores*\n" + lines)
                .text(lowest.isEmpty() ? "*Lowest:* not enough answers to tell."
                        : "*Lowest:* " + String.join(" and ", lowest.stream().map(s -> s.principle().numberedTitle()
                        + " (" + format(s.mean()) + ")").toList()) + ". Worth an action item?");
        List<String> noteBlocks = noteBlocks(retro, pack, notes);
        List<List<String>> pages = paginate(noteBlocks);
        first.divider();
        if (pages.isEmpty()) {
            first.text("*Notes*\nNo notes were added.");
        } else {
            first.text("*Notes*");
            pages.get(0).forEach(first::text);
        }
        String example = lowest.isEmpty() ? "" : " principle " + lowest.get(0).principle().number();
        first.divider()
                .text("*What will we change?* Add an action item with the button (you become its owner), or type `"
                        + prefix + " action \"What will be done\" @owner due YYYY-MM-DD" + example + "`.")
                .buttons(List.of(new ChatMessage.Button(RetroService.ADD_ACTION_ACTION, String.valueOf(retro.id()),
                        "Add an action item", ChatMessage.Style.PRIMARY)));
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(first.build());
        for (List<String> page : pages.subList(Math.min(1, pages.size()), pages.size())) {
            ChatMessage.Builder more = ChatMessage.builder("Retro notes (continued)").text("*Notes (continued)*");
            page.forEach(more::text);
            messages.add(more.build());
        }
        return messages;
    }

    private static String line(Score score, boolean lowest, boolean comparable) {
        String title = "*" + score.principle().numberedTitle() + "*";
        if (!score.enough()) {
            return title + ": not enough answers";
        }
        String change = !comparable ? "" : score.change()
                .map(delta -> " · " + arrow(delta) + " since the last retro")
                .orElse(" · no earlier score");
        return title + ": *" + format(score.mean()) + "* · spread " + score.min() + "–" + score.max() + " · "
                + score.ratings() + " ratings" + change + (lowest ? " · ⚠ lowest" : "");
    }

    /** ↑ 0.4, ↓ 1.2 or → 0.0. */
    static String arrow(double delta) {
        double rounded = round(delta);
        if (rounded > 0) {
            return "↑ " + format(rounded);
        }
        if (rounded < 0) {
            return "↓ " + format(-rounded);
        }
        return "→ 0.0";
    }

    /**
     * The notes as texts of at most {@value #NOTE_BLOCK} characters (one long note may be a text of its own), by
     * principle: what helped, then what got in the way. A principle whose notes need more texts repeats its title.
     */
    private static List<String> noteBlocks(Retro retro, PrinciplePack pack, List<RetroNote> notes) {
        List<String> blocks = new ArrayList<>();
        for (Principle principle : pack.principles()) {
            List<RetroNote> about = notes.stream().filter(n -> n.principleNumber() == principle.number()).toList();
            if (about.isEmpty()) {
                continue;
            }
            String title = "_" + principle.numberedTitle() + "_";
            StringBuilder block = new StringBuilder(title);
            for (RetroNote.Kind kind : RetroNote.Kind.values()) {
                List<RetroNote> ofKind = about.stream().filter(n -> n.kind() == kind).toList();
                String heading = kind.label() + ":";
                boolean headed = false;
                for (RetroNote note : ofKind) {
                    String line = "• " + note.text().strip().replace("\n", "\n   ")
                            + (!retro.anonymous() && note.userId() != null ? " — " + ChatMessage.mention(note.userId()) : "");
                    String next = (headed ? "" : heading + "\n") + line;
                    if (block.length() + 1 + next.length() > NOTE_BLOCK && block.length() > title.length()) {
                        blocks.add(block.toString());
                        block = new StringBuilder("_" + principle.numberedTitle() + " (continued)_");
                        next = heading + "\n" + line;
                    }
                    block.append("\n").append(next);
                    headed = true;
                }
            }
            blocks.add(block.toString());
        }
        return blocks;
    }

    private static List<List<String>> paginate(List<String> blocks) {
        List<List<String>> pages = new ArrayList<>();
        List<String> page = new ArrayList<>();
        int size = 0;
        for (String block : blocks) {
            if (!page.isEmpty() && (size + block.length() > NOTES_PER_MESSAGE || page.size() == GROUPS_PER_MESSAGE)) {
                pages.add(page);
                page = new ArrayList<>();
                size = 0;
            }
            page.add(block);
            size += block.length();
        }
        if (!page.isEmpty()) {
            pages.add(page);
        }
        return pages;
    }

    static double mean(List<Integer> scores) {
        return scores.stream().mapToInt(Integer::intValue).average().orElse(0);
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    static String format(double value) {
        return String.format(Locale.UK, "%.1f", value);
    }
}
