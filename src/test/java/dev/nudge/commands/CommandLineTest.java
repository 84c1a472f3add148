package dev.nudge.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nudge.chat.UserInputException;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    private static CommandLine.Word plain(String text) {
        return new CommandLine.Word(text, false);
    }

    private static CommandLine.Word quoted(String text) {
        return new CommandLine.Word(text, true);
    }

    @Test
    void unquoted_words_are_split_on_any_whitespace() {
        assertThat(CommandLine.split("  poll   3\tanonymous \n hidden "))
                .containsExactly(plain("poll"), plain("3"), plain("anonymous"), plain("hidden"));
    }

    @Test
    void straight_quotes_keep_a_phrase_together_and_mark_it_quoted() {
        assertThat(CommandLine.split("poll \"Where shall we eat?\" \"Fish and chips\" Pizza"))
                .containsExactly(plain("poll"), quoted("Where shall we eat?"), quoted("Fish and chips"), plain("Pizza"));
    }

    @Test
    void curly_quotes_from_chat_clients_work_like_straight_quotes() {
        assertThat(CommandLine.split("poll \u201CLunch today?\u201D \u201CPizza slice\u201D \"Salad\""))
                .containsExactly(plain("poll"), quoted("Lunch today?"), quoted("Pizza slice"), quoted("Salad"));
    }

    @Test
    void a_quoted_flag_word_is_marked_quoted_so_it_is_text_not_a_flag() {
        assertThat(CommandLine.split("\"hidden\" hidden")).containsExactly(quoted("hidden"), plain("hidden"));
    }

    @Test
    void an_empty_quoted_phrase_is_kept_as_an_empty_quoted_word() {
        assertThat(CommandLine.split("poll \"\" \"A\"")).containsExactly(plain("poll"), quoted(""), quoted("A"));
    }

    @Test
    void a_quote_straight_after_a_word_starts_a_new_phrase() {
        assertThat(CommandLine.split("closes\"2h\"")).containsExactly(plain("closes"), quoted("2h"));
    }

    @Test
    void apostrophes_do_not_start_a_phrase() {
        assertThat(CommandLine.split("don't stop")).containsExactly(plain("don't"), plain("stop"));
    }

    @Test
    void empty_text_gives_no_words() {
        assertThat(CommandLine.split("")).isEmpty();
        assertThat(CommandLine.split("   ")).isEmpty();
    }

    @Test
    void an_unclosed_quote_is_refused_with_a_message_the_user_can_act_on() {
        assertThatThrownBy(() -> CommandLine.split("poll \"Lunch? \"Pizza\""))
                .isInstanceOf(UserInputException.class).hasMessageContaining("quote is not closed");
        assertThatThrownBy(() -> CommandLine.split("poll \u201CLunch?"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("quote is not closed");
    }
}
