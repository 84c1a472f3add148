package dev.nudge.polls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nudge.chat.UserInputException;
import dev.nudge.commands.CommandLine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PollRequestParserTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** A summer day, so London is on BST (UTC+1) and a London clock time differs from UTC. */
    private static final ZonedDateTime TEN_AM = ZonedDateTime.of(LocalDateTime.of(2024, 6, 12, 10, 0), LONDON);

    private static PollRequest parse(ZonedDateTime now, String text) {
        // The clock runs in UTC (as in production); only the configured zone may decide what "17:00" means.
        return new PollRequestParser(Clock.fixed(now.toInstant(), ZoneOffset.UTC), LONDON).parse(CommandLine.split(text));
    }

    private static PollRequest parse(String text) {
        return parse(TEN_AM, text);
    }

    private static String quoted(List<String> words) {
        return words.stream().map(w -> "\"" + w + "\"").collect(Collectors.joining(" "));
    }

    @Test
    void no_arguments_asks_for_a_principle_poll_with_defaults() {
        PollRequest request = parse("");

        assertThat(request.isCustom()).isFalse();
        assertThat(request.question()).isEmpty();
        assertThat(request.principle()).isEmpty();
        assertThat(request.options()).isEmpty();
        assertThat(request.anonymous()).isFalse();
        assertThat(request.hidden()).isFalse();
        assertThat(request.closesAt()).isEmpty();
    }

    @Test
    void a_principle_with_flags_and_a_closing_duration_is_read() {
        PollRequest request = parse("3 anonymous hidden closes 2h");

        assertThat(request.isCustom()).isFalse();
        assertThat(request.principle()).contains("3");
        assertThat(request.anonymous()).isTrue();
        assertThat(request.hidden()).isTrue();
        assertThat(request.closesAt()).contains(TEN_AM.toInstant().plus(Duration.ofHours(2)));
    }

    @Test
    void flags_are_case_insensitive_and_anon_is_short_for_anonymous() {
        PollRequest request = parse("measure ANON Hidden Closes 90M");

        assertThat(request.principle()).contains("measure");
        assertThat(request.anonymous()).isTrue();
        assertThat(request.hidden()).isTrue();
        assertThat(request.closesAt()).contains(TEN_AM.toInstant().plus(Duration.ofMinutes(90)));
    }

    @Test
    void combined_durations_add_up() {
        assertThat(parse("closes 1d2h30m").closesAt())
                .contains(TEN_AM.toInstant().plus(Duration.ofDays(1).plusHours(2).plusMinutes(30)));
    }

    @Test
    void a_custom_poll_takes_the_first_quoted_phrase_as_question_and_the_rest_as_options() {
        PollRequest request = parse("\"Where shall we eat?\" \"Fish and chips\" \"Pizza\" \"Salad\" anonymous closes 30m");

        assertThat(request.isCustom()).isTrue();
        assertThat(request.question()).contains("Where shall we eat?");
        assertThat(request.options()).containsExactly("Fish and chips", "Pizza", "Salad");
        assertThat(request.principle()).isEmpty();
        assertThat(request.anonymous()).isTrue();
        assertThat(request.hidden()).isFalse();
        assertThat(request.closesAt()).contains(TEN_AM.toInstant().plus(Duration.ofMinutes(30)));
    }

    @Test
    void a_custom_poll_with_curly_quotes_is_read() {
        PollRequest request = parse("\u201CLunch?\u201D \u201CYes\u201D \u201CNo\u201D");

        assertThat(request.question()).contains("Lunch?");
        assertThat(request.options()).containsExactly("Yes", "No");
    }

    @Test
    void a_quoted_hidden_is_an_option_not_a_flag() {
        PollRequest request = parse("\"Which mode?\" \"hidden\" \"anonymous\" \"open\"");

        assertThat(request.options()).containsExactly("hidden", "anonymous", "open");
        assertThat(request.hidden()).isFalse();
        assertThat(request.anonymous()).isFalse();
    }

    @Test
    void a_custom_poll_with_one_option_is_refused_saying_2_to_10() {
        assertThatThrownBy(() -> parse("\"Lunch?\" \"Pizza\""))
                .isInstanceOf(UserInputException.class).hasMessageContaining("2 to 10").hasMessageContaining("gave 1");
    }

    @Test
    void a_question_without_options_is_refused_saying_2_to_10() {
        assertThatThrownBy(() -> parse("\"Lunch?\""))
                .isInstanceOf(UserInputException.class).hasMessageContaining("2 to 10");
    }

    @Test
    void a_custom_poll_with_eleven_options_is_refused_saying_2_to_10() {
        String options = quoted(IntStream.rangeClosed(1, 11).mapToObj(i -> "Option " + i).toList());

        assertThatThrownBy(() -> parse("\"Pick one\" " + options))
                .isInstanceOf(UserInputException.class).hasMessageContaining("2 to 10").hasMessageContaining("gave 11");
    }

    @Test
    void a_custom_poll_with_ten_options_is_accepted() {
        String options = quoted(IntStream.rangeClosed(1, 10).mapToObj(i -> "Option " + i).toList());

        assertThat(parse("\"Pick one\" " + options).options()).hasSize(10);
    }

    @Test
    void duplicate_options_are_refused_even_in_different_case() {
        assertThatThrownBy(() -> parse("\"Lunch?\" \"Pizza\" \"Salad\" \"pizza\""))
                .isInstanceOf(UserInputException.class).hasMessageContaining("given twice");
    }

    @Test
    void an_option_over_75_characters_is_refused_naming_the_option_and_the_limit() {
        String longOption = "o".repeat(76);

        assertThatThrownBy(() -> parse("\"Lunch?\" \"Pizza\" \"" + longOption + "\""))
                .isInstanceOf(UserInputException.class).hasMessageContaining("Option 2").hasMessageContaining("75");
        assertThat(parse("\"Lunch?\" \"Pizza\" \"" + "o".repeat(75) + "\"").options()).hasSize(2);
    }

    @Test
    void an_empty_option_is_refused() {
        assertThatThrownBy(() -> parse("\"Lunch?\" \"Pizza\" \"  \""))
                .isInstanceOf(UserInputException.class).hasMessageContaining("Option 2 is empty");
    }

    @Test
    void a_question_over_300_characters_is_refused_naming_the_limit() {
        String question = "q".repeat(301);

        assertThatThrownBy(() -> parse("\"" + question + "\" \"A\" \"B\""))
                .isInstanceOf(UserInputException.class).hasMessageContaining("301").hasMessageContaining("300");
        assertThat(parse("\"" + "q".repeat(300) + "\" \"A\" \"B\"").question()).hasValueSatisfying(q -> assertThat(q).hasSize(300));
    }

    @Test
    void an_empty_question_is_refused() {
        assertThatThrownBy(() -> parse("\"\" \"A\" \"B\""))
                .isInstanceOf(UserInputException.class).hasMessageContaining("question is empty");
    }

    @Test
    void closes_at_a_clock_time_later_today_means_today_in_london() {
        PollRequest request = parse(TEN_AM, "closes 17:00");

        assertThat(request.closesAt()).contains(ZonedDateTime.of(LocalDateTime.of(2024, 6, 12, 17, 0), LONDON).toInstant());
        assertThat(request.closesAt()).contains(Instant.parse("2024-06-12T16:00:00Z"));
    }

    @Test
    void closes_at_a_clock_time_already_past_today_means_tomorrow_in_london() {
        ZonedDateTime sixPm = ZonedDateTime.of(LocalDateTime.of(2024, 6, 12, 18, 0), LONDON);

        assertThat(parse(sixPm, "closes 17:00").closesAt())
                .contains(ZonedDateTime.of(LocalDateTime.of(2024, 6, 13, 17, 0), LONDON).toInstant());
    }

    @Test
    void a_clock_time_uses_the_london_date_not_the_utc_date() {
        // 00:30 London on 13 June is still 12 June in UTC; "closes 09:00" means 09:00 London on 13 June.
        ZonedDateTime justAfterMidnight = ZonedDateTime.of(LocalDateTime.of(2024, 6, 13, 0, 30), LONDON);

        assertThat(parse(justAfterMidnight, "closes 09:00").closesAt())
                .contains(ZonedDateTime.of(LocalDateTime.of(2024, 6, 13, 9, 0), LONDON).toInstant());
    }

    @Test
    void a_single_digit_hour_is_accepted() {
        ZonedDateTime sixAm = ZonedDateTime.of(LocalDateTime.of(2024, 6, 12, 6, 0), LONDON);

        assertThat(parse(sixAm, "closes 9:30").closesAt())
                .contains(ZonedDateTime.of(LocalDateTime.of(2024, 6, 12, 9, 30), LONDON).toInstant());
    }

    @Test
    void closes_30s_is_refused_with_examples_of_what_works() {
        assertThatThrownBy(() -> parse("closes 30s"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("'30s' is not a duration")
                .hasMessageContaining("closes 30m");
    }

    @Test
    void closes_soon_is_refused_with_examples_of_what_works() {
        assertThatThrownBy(() -> parse("closes soon"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("'soon' is not a duration")
                .hasMessageContaining("closes 17:00");
    }

    @Test
    void a_clock_time_that_does_not_exist_is_refused() {
        assertThatThrownBy(() -> parse("closes 25:00"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("not a time").hasMessageContaining("HH:MM");
    }

    @Test
    void closes_without_a_time_is_refused() {
        assertThatThrownBy(() -> parse("3 closes"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("`closes` needs a time");
    }

    @Test
    void closes_given_twice_is_refused() {
        assertThatThrownBy(() -> parse("closes 2h closes 3h"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("only once");
    }

    @Test
    void closing_in_under_a_minute_is_refused() {
        assertThatThrownBy(() -> parse("closes 0m"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("at least a minute");
    }

    @Test
    void closing_in_exactly_30_days_is_accepted() {
        assertThat(parse("closes 30d").closesAt()).contains(TEN_AM.toInstant().plus(Duration.ofDays(30)));
    }

    @Test
    void closing_in_more_than_30_days_is_refused() {
        assertThatThrownBy(() -> parse("closes 31d"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("at most 30 days");
        assertThatThrownBy(() -> parse("closes 30d1m"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("at most 30 days");
        assertThatThrownBy(() -> parse("closes 721h"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("at most 30 days");
    }

    @Test
    void stray_unquoted_words_in_a_custom_poll_are_refused_with_how_to_quote() {
        assertThatThrownBy(() -> parse("\"Lunch?\" Pizza \"Salad\" \"Soup\""))
                .isInstanceOf(UserInputException.class).hasMessageContaining("'Pizza'")
                .hasMessageContaining("in quotes");
    }

    @Test
    void several_unquoted_words_name_a_principle_by_title() {
        assertThat(parse("trust not barriers hidden").principle()).contains("trust not barriers");
    }
}
