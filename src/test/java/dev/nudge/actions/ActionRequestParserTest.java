package dev.nudge.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nudge.chat.UserInputException;
import dev.nudge.commands.CommandLine;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActionRequestParserTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private final ActionRequestParser parser = new ActionRequestParser();

    private ActionRequestParser.Parsed parse(String text) {
        return parser.parse(CommandLine.split(text), TODAY);
    }

    @Test
    void reads_text_owner_due_date_and_principle_in_any_order() {
        assertThat(parse("\"Run a test\" <@U2> due 2026-12-12 principle 3")).isEqualTo(
                new ActionRequestParser.Parsed("Run a test", "U2", LocalDate.of(2026, 12, 12), Optional.of("3")));
        assertThat(parse("principle measure due 2026-12-12 <@29:abc> “Curly quotes”")).isEqualTo(
                new ActionRequestParser.Parsed("Curly quotes", "29:abc", LocalDate.of(2026, 12, 12),
                        Optional.of("measure")));
    }

    @Test
    void a_day_and_month_means_the_next_such_day_unless_a_year_is_given() {
        assertThat(parse("\"x\" <@U2> due 12 Dec").dueOn()).isEqualTo(LocalDate.of(2026, 12, 12));
        assertThat(parse("\"x\" <@U2> due 3 jan").dueOn()).isEqualTo(LocalDate.of(2027, 1, 3));
        assertThat(parse("\"x\" <@U2> due 3 January 2028").dueOn()).isEqualTo(LocalDate.of(2028, 1, 3));
    }

    @Test
    void missing_parts_are_left_for_the_service_to_name() {
        ActionRequestParser.Parsed parsed = parse("\"x\"");
        assertThat(parsed.ownerId()).isNull();
        assertThat(parsed.dueOn()).isNull();
    }

    @Test
    void bad_input_says_what_is_wrong() {
        assertThatThrownBy(() -> parse("\"x\" <@U2> due 2026-02-30")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("'2026-02-30' is not a date");
        assertThatThrownBy(() -> parse("\"x\" <@U2> due")).hasMessageContaining("`due` needs a date");
        assertThatThrownBy(() -> parse("\"x\" <@U2> <@U3> due 2026-12-12")).hasMessageContaining("one owner");
        assertThatThrownBy(() -> parse("\"x\" \"y\" <@U2>")).hasMessageContaining("one text in quotes");
        assertThatThrownBy(() -> parse("\"x\" <@U2> soonish")).hasMessageContaining("I didn't understand 'soonish'");
        assertThatThrownBy(() -> parse("\"x\" @sam")).hasMessageContaining("couldn't tell who @sam is");
        assertThatThrownBy(() -> parse("\"x\" <@U2> principle")).hasMessageContaining("`principle` needs");
    }
}
