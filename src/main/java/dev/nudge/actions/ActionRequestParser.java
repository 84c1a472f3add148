package dev.nudge.actions;

import dev.nudge.chat.UserInputException;
import dev.nudge.commands.CommandLine;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code action "What will be done" @owner due 2026-12-12 [principle 3|word]}. The owner is a mention, which
 * the platform adapters hand over as {@code <@id>}; the due date is ISO ({@code 2026-12-12}) or a day and month
 * ({@code 12 Dec}, {@code 12 December 2026}; without a year, the next such date from today).
 */
public final class ActionRequestParser {
    public static final String FORM = "action \"What will be done\" @owner due YYYY-MM-DD [principle N]";
    private static final Pattern MENTION = Pattern.compile("<@([^<>|\\s]+)(?:\\|[^<>]*)?>");
    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}");

    /** What was typed, before any check against the channel or the calendar. */
    public record Parsed(String text, String ownerId, LocalDate dueOn, Optional<String> principle) {}

    public Parsed parse(List<CommandLine.Word> words, LocalDate today) {
        String text = null;
        String owner = null;
        LocalDate due = null;
        String principle = null;
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            CommandLine.Word word = words.get(i);
            if (word.quoted()) {
                if (text != null) {
                    throw new UserInputException("Give the action as one text in quotes; I found a second one: \""
                            + clip(word.text()) + "\".");
                }
                text = word.text().strip();
                continue;
            }
            String raw = word.text();
            Matcher mention = MENTION.matcher(raw);
            if (mention.matches()) {
                if (owner != null && !owner.equals(mention.group(1))) {
                    throw new UserInputException("An action has one owner; you mentioned more than one person.");
                }
                owner = mention.group(1);
                continue;
            }
            switch (raw.toLowerCase(Locale.ROOT)) {
                case "due", "by" -> {
                    if (due != null) {
                        throw new UserInputException("Give `due` only once.");
                    }
                    if (i + 1 >= words.size()) {
                        throw new UserInputException("`due` needs a date, e.g. `due 2026-12-12` or `due 12 Dec`.");
                    }
                    DateWords date = date(words, i + 1, today);
                    due = date.date();
                    i += date.used();
                }
                case "principle" -> {
                    if (principle != null) {
                        throw new UserInputException("Give `principle` only once.");
                    }
                    if (i + 1 >= words.size()) {
                        throw new UserInputException("`principle` needs a number or a word, e.g. `principle 3`.");
                    }
                    principle = words.get(++i).text();
                }
                default -> unknown.add(raw);
            }
        }
        if (!unknown.isEmpty()) {
            String first = unknown.get(0);
            if (first.startsWith("@")) {
                throw new UserInputException("I couldn't tell who " + clip(first) + " is. Pick the owner from the"
                        + " @-mention list so it becomes a real mention.");
            }
            throw new UserInputException("I didn't understand '" + clip(String.join(" ", unknown))
                    + "'. Put the action text in quotes.");
        }
        return new Parsed(text, owner, due, Optional.ofNullable(principle));
    }

    private record DateWords(LocalDate date, int used) {}

    /** An ISO date (one word) or a day and month with an optional year (two or three words). */
    private static DateWords date(List<CommandLine.Word> words, int at, LocalDate today) {
        String first = words.get(at).text();
        if (ISO.matcher(first).matches()) {
            try {
                String[] parts = first.split("-");
                return new DateWords(LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                        Integer.parseInt(parts[2])), 1);
            } catch (java.time.DateTimeException e) {
                throw notADate(first);
            }
        }
        if (first.matches("\\d{1,2}") && at + 1 < words.size()) {
            Optional<Month> month = month(words.get(at + 1).text());
            if (month.isPresent()) {
                int day = Integer.parseInt(first);
                try {
                    if (at + 2 < words.size() && words.get(at + 2).text().matches("\\d{4}")) {
                        return new DateWords(LocalDate.of(Integer.parseInt(words.get(at + 2).text()), month.get(), day), 3);
                    }
                    LocalDate date = LocalDate.of(today.getYear(), month.get(), day);
                    return new DateWords(date.isBefore(today) ? LocalDate.of(today.getYear() + 1, month.get(), day)
                            : date, 2);
                } catch (java.time.DateTimeException e) {
                    throw notADate(first + " " + words.get(at + 1).text());
                }
            }
        }
        throw notADate(first);
    }

    private static Optional<Month> month(String word) {
        String wanted = word.toLowerCase(Locale.ROOT).replace(".", "");
        if (wanted.length() < 3) {
            return Optional.empty();
        }
        for (Month month : Month.values()) {
            if (month.name().toLowerCase(Locale.ROOT).startsWith(wanted)) {
                return Optional.of(month);
            }
        }
        return Optional.empty();
    }

    private static UserInputException notADate(String raw) {
        return new UserInputException("'" + clip(raw) + "' is not a date. Use `due 2026-12-12` (year-month-day) or"
                + " `due 12 Dec`.");
    }

    private static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
