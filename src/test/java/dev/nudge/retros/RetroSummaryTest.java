package dev.nudge.retros;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nudge.chat.ChatMessage;
import dev.nudge.chat.ConversationRef;
import dev.nudge.chat.Platform;
import dev.nudge.principles.Principle;
import dev.nudge.principles.PrinciplePack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetroSummaryTest {
    private static final ConversationRef WHERE = new ConversationRef(Platform.SLACK, "T1", "C1");
    private static final PrinciplePack PACK = new PrinciplePack("test", "Test pack", IntStream.rangeClosed(1, 4)
            .mapToObj(n -> new Principle(n, "p" + n, "Principle " + n, "Meaning", List.of("Q1?", "Q2?"), "Poll?",
                    "Evidence?"))
            .toList());

    private static Retro retro(boolean anonymous) {
        return new Retro(7, WHERE, "test", anonymous, "ULEAD", Instant.EPOCH, Instant.EPOCH, "ULEAD", "1.1", null);
    }

    @Test
    void changes_are_shown_with_an_arrow_and_one_decimal() {
        assertThat(RetroSummary.arrow(0.2)).isEqualTo("↑ 0.2");
        assertThat(RetroSummary.arrow(-0.8)).isEqualTo("↓ 0.8");
        assertThat(RetroSummary.arrow(0.04)).isEqualTo("→ 0.0");
        assertThat(RetroSummary.arrow(-0.04)).isEqualTo("→ 0.0");
    }

    @Test
    void below_the_threshold_a_principle_has_no_score_and_no_change_even_when_the_last_retro_had_one() {
        List<RetroSummary.Score> scores = RetroSummary.scores(PACK, Map.of(1, List.of(4, 5), 2, List.of(1, 2, 3)),
                Optional.of(Map.of(1, List.of(1, 1, 1), 2, List.of(1, 1))), 3);

        assertThat(scores.get(0).enough()).isFalse();
        assertThat(scores.get(0).change()).isEmpty();
        assertThat(scores.get(1).enough()).isTrue();
        assertThat(scores.get(1).mean()).isEqualTo(2.0);
        assertThat(scores.get(1).change()).as("the last retro had too few ratings to compare with").isEmpty();

        String text = text(RetroSummary.messages(retro(true), PACK, scores, true, List.of(), "3 have answered", 3,
                "/nudge"));
        assertThat(text).contains("*1. Principle 1*: not enough answers\n", "*2. Principle 2*: *2.0* · spread 1–3 · 3 "
                + "ratings · no earlier score · ⚠ lowest").doesNotContain("4.5");
    }

    @Test
    void a_higher_threshold_is_honoured() {
        List<RetroSummary.Score> scores = RetroSummary.scores(PACK, Map.of(1, List.of(3, 4, 5, 5)), Optional.empty(), 5);

        assertThat(scores.get(0).enough()).isFalse();
        assertThat(RetroSummary.lowest(scores)).isEmpty();
    }

    @Test
    void the_two_lowest_are_picked_among_principles_with_enough_answers_lower_number_first_on_a_tie() {
        List<RetroSummary.Score> scores = RetroSummary.scores(PACK, Map.of(1, List.of(1, 1), 2, List.of(3, 3, 3),
                3, List.of(4, 4, 4), 4, List.of(3, 3, 3)), Optional.empty(), 3);

        assertThat(RetroSummary.lowest(scores)).extracting(s -> s.principle().number()).containsExactly(2, 4);
    }

    @Test
    void notes_are_grouped_by_principle_and_named_only_in_named_retros() {
        List<RetroNote> notes = List.of(new RetroNote(RetroNote.Kind.HINDERED, 2, "Slow approvals", "U2", Instant.EPOCH),
                new RetroNote(RetroNote.Kind.HELPED, 2, "Pairing", "U3", Instant.EPOCH));
        List<RetroSummary.Score> scores = RetroSummary.scores(PACK, Map.of(), Optional.empty(), 3);

        String named = text(RetroSummary.messages(retro(false), PACK, scores, false, notes, "2 have answered", 3, "/nudge"));
        String anonymous = text(RetroSummary.messages(retro(true), PACK, scores, false, notes, "2 have answered", 3,
                "/nudge"));

        assertThat(named).contains("_2. Principle 2_\nWhat helped:\n• Pairing — <@U3>\nWhat got in the way:\n"
                + "• Slow approvals — <@U2>");
        assertThat(anonymous).contains("• Pairing\n").doesNotContain("<@U3>", "<@U2>");
        assertThat(anonymous).contains("*Lowest:* not enough answers to tell.");
    }

    @Test
    void long_notes_continue_in_further_messages_and_none_is_lost() {
        List<RetroNote> notes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            notes.add(new RetroNote(RetroNote.Kind.HELPED, 1 + i % 4, "note " + i + " " + "x".repeat(2900), null,
                    Instant.EPOCH));
        }
        List<ChatMessage> messages = RetroSummary.messages(retro(true), PACK,
                RetroSummary.scores(PACK, Map.of(), Optional.empty(), 3), false, notes, "12 have answered", 3, "/nudge");

        assertThat(messages.size()).isGreaterThan(1);
        String all = text(messages);
        for (int i = 0; i < 12; i++) {
            assertThat(all).containsOnlyOnce("note " + i + " ");
        }
        assertThat(text(messages.subList(0, 1))).contains("Add an action item");
        for (ChatMessage message : messages) {
            int chars = message.parts().stream().filter(ChatMessage.Part.Text.class::isInstance)
                    .mapToInt(part -> ((ChatMessage.Part.Text) part).text().length()).sum();
            assertThat(chars).isLessThan(RetroSummary.NOTES_PER_MESSAGE + 3000);
        }
    }

    private static String text(List<ChatMessage> messages) {
        StringBuilder text = new StringBuilder();
        for (ChatMessage message : messages) {
            for (ChatMessage.Part part : message.parts()) {
                if (part instanceof ChatMessage.Part.Text t) {
                    text.append(t.text()).append('\n');
                } else if (part instanceof ChatMessage.Part.Buttons b) {
                    b.buttons().forEach(button -> text.append(button.label()).append('\n'));
                }
            }
        }
        return text.toString();
    }
}
