package dev.nudge.polls;

import dev.nudge.chat.UserInputException;
import dev.nudge.commands.CommandLine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code poll [principle] [flags]} and {@code poll "Question?" "A" "B" ... [flags]}. Flags are unquoted words:
 * {@code anonymous}, {@code hidden}, {@code closes 2h|90m|1d|17:00}.
 */
public final class PollRequestParser {
    public static final int MAX_QUESTION = 300;
    public static final int MAX_OPTION = 75;
    static final Duration MIN_DURATION = Duration.ofMinutes(1);
    static final Duration MAX_DURATION = Duration.ofDays(30);
    private static final Pattern DURATION = Pattern.compile("(?:(\\d{1,3})d)?(?:(\\d{1,4})h)?(?:(\\d{1,5})m)?");

    private final Clock clock;
    private final ZoneId zone;

    public PollRequestParser(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    public PollRequest parse(List<CommandLine.Word> words) {
        List<String> quoted = new ArrayList<>();
        List<String> principleWords = new ArrayList<>();
        boolean anonymous = false;
        boolean hidden = false;
        Optional<Instant> closesAt = Optional.empty();
        for (int i = 0; i < words.size(); i++) {
            CommandLine.Word word = words.get(i);
            if (word.quoted()) {
                quoted.add(word.text().strip());
                continue;
            }
            String flag = word.text().toLowerCase(Locale.ROOT);
            switch (flag) {
                case "anonymous", "anon" -> anonymous = true;
                case "hidden" -> hidden = true;
                case "closes", "close", "closing" -> {
                    if (i + 1 >= words.size()) {
                        throw new UserInputException("`closes` needs a time: `closes 2h`, `closes 30m` or `closes 17:00`.");
                    }
                    if (closesAt.isPresent()) {
                        throw new UserInputException("Give `closes` only once.");
                    }
                    closesAt = Optional.of(closeTime(words.get(++i).text()));
                }
                default -> principleWords.add(word.text());
            }
        }
        if (quoted.isEmpty()) {
            return new PollRequest(Optional.empty(), List.of(),
                    principleWords.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", principleWords)),
                    anonymous, hidden, closesAt);
        }
        if (!principleWords.isEmpty()) {
            throw new UserInputException("I didn't understand '" + clip(String.join(" ", principleWords))
                    + "'. Put the question and each option in quotes, e.g. `poll \"Lunch?\" \"Pizza\" \"Salad\"`,"
                    + " and use only the flags anonymous, hidden and closes.");
        }
        String question = quoted.get(0);
        List<String> options = quoted.subList(1, quoted.size());
        validateCustom(question, options);
        return new PollRequest(Optional.of(question), options, Optional.empty(), anonymous, hidden, closesAt);
    }

    private static void validateCustom(String question, List<String> options) {
        if (question.isEmpty()) {
            throw new UserInputException("The question is empty. Put it first, in quotes.");
        }
        if (question.length() > MAX_QUESTION) {
            throw new UserInputException("The question is " + question.length() + " characters; please keep it to "
                    + MAX_QUESTION + ".");
        }
        if (options.size() < Poll.MIN_OPTIONS || options.size() > Poll.MAX_OPTIONS) {
            throw new UserInputException("A poll needs 2 to 10 options in quotes after the question; you gave "
                    + options.size() + ".");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            if (option.isEmpty()) {
                throw new UserInputException("Option " + (i + 1) + " is empty.");
            }
            if (option.length() > MAX_OPTION) {
                throw new UserInputException("Option " + (i + 1) + " is " + option.length()
                        + " characters; please keep options to " + MAX_OPTION + ".");
            }
            if (!seen.add(option.toLowerCase(Locale.ROOT))) {
                throw new UserInputException("The option '" + clip(option) + "' is given twice.");
            }
        }
    }

    /** {@code 2h}, {@code 90m}, {@code 1d2h} from now, or a clock time {@code 17:00} (tomorrow if already past). */
    Instant closeTime(String raw) {
        Instant now = clock.instant();
        String text = raw.toLowerCase(Locale.ROOT);
        Instant at;
        if (text.contains(":")) {
            LocalTime time;
            try {
                time = LocalTime.parse(text.length() == 4 ? "0" + text : text);
            } catch (DateTimeParseException e) {
                throw new UserInputException("'" + clip(raw) + "' is not a time. Use 24-hour HH:MM, e.g. `closes 17:00`.");
            }
            ZonedDateTime local = ZonedDateTime.of(LocalDate.now(clock.withZone(zone)), time, zone);
            if (!local.toInstant().isAfter(now)) {
                local = ZonedDateTime.of(LocalDate.now(clock.withZone(zone)).plusDays(1), time, zone);
            }
            at = local.toInstant();
        } else {
            Matcher matcher = DURATION.matcher(text);
            if (text.isEmpty() || !matcher.matches()) {
                throw new UserInputException("'" + clip(raw) + "' is not a duration. Use e.g. `closes 30m`, `closes 2h`, "
                        + "`closes 1d` or a time like `closes 17:00`.");
            }
            Duration duration = Duration.ofDays(number(matcher.group(1))).plusHours(number(matcher.group(2)))
                    .plusMinutes(number(matcher.group(3)));
            at = now.plus(duration);
        }
        Duration until = Duration.between(now, at);
        if (until.compareTo(MIN_DURATION) < 0) {
            throw new UserInputException("A poll must stay open for at least a minute.");
        }
        if (until.compareTo(MAX_DURATION) > 0) {
            throw new UserInputException("A poll can stay open for at most 30 days.");
        }
        return at;
    }

    private static long number(String group) {
        return group == null ? 0 : Long.parseLong(group);
    }

    private static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
