package dev.nudge.schedules;

import dev.nudge.chat.UserInputException;
import dev.nudge.commands.CommandLine;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the words after {@code schedule}: {@code daily HH:MM}, {@code weekly mon,thu HH:MM} or
 * {@code fortnightly fri HH:MM}, then in any order {@code tz Europe/London}, {@code calendar scotland},
 * {@code weekends}, {@code poll [closes 2h]}, {@code principle 3} and {@code remind 4h}.
 */
public final class ScheduleRequestParser {
    public static final String EXAMPLE = "`schedule weekly mon,thu 09:30`";
    /** The same bounds as a poll started by hand. */
    static final Duration MIN_POLL = Duration.ofMinutes(1);
    static final Duration MAX_POLL = Duration.ofDays(30);
    static final Duration MIN_REMIND = Duration.ofHours(1);
    static final Duration MAX_REMIND = Duration.ofHours(72);
    private static final String FLAGS = "tz Europe/London, calendar scotland, weekends, poll, poll closes 2h,"
            + " principle 3, remind 4h";
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final Pattern DURATION = Pattern.compile("(?:(\\d{1,3})d)?(?:(\\d{1,4})h)?(?:(\\d{1,5})m)?");
    private static final Map<String, DayOfWeek> DAY_NAMES = dayNames();
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private final Clock clock;
    private final HolidayCalendars calendars;
    private final RuleEvaluator evaluator;

    public ScheduleRequestParser(Clock clock, HolidayCalendars calendars) {
        this.clock = clock;
        this.calendars = calendars;
        this.evaluator = new RuleEvaluator(calendars);
    }

    public ScheduleRequest parse(List<CommandLine.Word> words, ZoneId defaultZone, String defaultCalendar) {
        Words input = new Words(words);
        if (!input.hasNext()) {
            throw new UserInputException("Say how often and when, e.g. " + EXAMPLE
                    + ", `schedule fortnightly fri 16:00 poll` or `schedule daily 09:30`.");
        }
        String frequencyWord = input.next();
        Frequency frequency = frequency(frequencyWord);
        Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
        if (frequency == Frequency.DAILY) {
            if (input.hasNext() && isDayList(input.peek())) {
                throw new UserInputException("`daily` runs every day, so it takes no days: for chosen days use "
                        + EXAMPLE + ".");
            }
        } else {
            if (!input.hasNext() || TIME.matcher(input.peek()).matches()) {
                throw new UserInputException("Say which days a " + frequencyWord.toLowerCase(Locale.ROOT)
                        + " schedule runs, e.g. `schedule " + frequencyWord.toLowerCase(Locale.ROOT)
                        + " mon,thu 09:30`.");
            }
            days = days(input.nextDayList());
        }
        if (!input.hasNext()) {
            throw new UserInputException("Say what time, in 24-hour HH:MM, e.g. " + EXAMPLE + ".");
        }
        LocalTime time = time(input.next());

        ZoneId zone = null;
        String calendar = null;
        boolean weekends = false;
        boolean poll = false;
        Duration pollOpenFor = null;
        String principle = null;
        Duration remindAfter = null;
        while (input.hasNext()) {
            CommandLine.Word word = input.nextWord();
            String flag = word.quoted() ? "" : word.text().toLowerCase(Locale.ROOT);
            switch (flag) {
                case "tz", "timezone", "zone" -> {
                    once(zone, "tz");
                    zone = zone(input.valueFor("tz", "`tz Europe/London`"));
                }
                case "calendar", "holidays" -> {
                    once(calendar, "calendar");
                    calendar = calendar(input.valueFor("calendar", "`calendar scotland`"));
                }
                case "weekends", "weekend" -> weekends = true;
                case "poll" -> poll = true;
                case "closes", "close" -> {
                    once(pollOpenFor, "closes");
                    pollOpenFor = duration(input.valueFor("closes", "`poll closes 2h`"), "poll closes",
                            MIN_POLL, MAX_POLL, "`poll closes 2h`, `poll closes 90m` or `poll closes 1d`");
                }
                case "principle" -> {
                    once(principle, "principle");
                    principle = input.valueFor("principle", "`principle 3` or `principle kind`").strip();
                }
                case "remind", "reminder" -> {
                    once(remindAfter, "remind");
                    remindAfter = duration(input.valueFor("remind", "`remind 4h`"), "remind", MIN_REMIND, MAX_REMIND,
                            "`remind 4h`");
                }
                default -> throw new UserInputException("I didn't understand '" + clip(word.text())
                        + "'. After the days and time you can add: " + FLAGS + ".");
            }
        }
        if (pollOpenFor != null && !poll) {
            throw new UserInputException("`closes` is for polls: write `poll closes 2h`.");
        }
        zone = zone == null ? defaultZone : zone;
        calendar = calendar == null ? defaultCalendar : calendar;
        if (!calendars.knows(calendar)) {
            throw new UserInputException("The default holiday calendar '" + calendar + "' is not known: choose one"
                    + " with `calendar <id>`, one of " + String.join(", ", calendars.ids()) + ".");
        }
        ScheduleRule rule = new ScheduleRule(frequency, days, time, zone, LocalDate.now(clock.withZone(zone)),
                weekends, calendar);
        if (!evaluator.firesEver(rule)) {
            throw new UserInputException(neverFires(rule));
        }
        ScheduleAction action = new ScheduleAction(poll ? ScheduleAction.Kind.POLL : ScheduleAction.Kind.PROMPT,
                Optional.ofNullable(principle),
                pollOpenFor == null ? ScheduleAction.DEFAULT_POLL_OPEN_FOR : pollOpenFor,
                Optional.ofNullable(remindAfter));
        return new ScheduleRequest(rule, action);
    }

    private static String neverFires(ScheduleRule rule) {
        if (!rule.includeWeekends() && rule.days().stream()
                .allMatch(day -> day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY)) {
            return "This schedule would never run: it is only on weekend days, and weekends are skipped."
                    + " Add `weekends` to include them, e.g. `schedule weekly sat 10:00 weekends`.";
        }
        return "This schedule would never run: every day it falls on in the next two years is a weekend, a bank"
                + " holiday or a closure day. Pick other days, or another `calendar`.";
    }

    private static Frequency frequency(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "daily" -> Frequency.DAILY;
            case "weekly" -> Frequency.WEEKLY;
            case "fortnightly", "biweekly" -> Frequency.FORTNIGHTLY;
            default -> throw new UserInputException("'" + clip(word) + "' is not how often: use daily, weekly or"
                    + " fortnightly, e.g. " + EXAMPLE + ".");
        };
    }

    private static boolean isDayList(String text) {
        String first = text.toLowerCase(Locale.ROOT).split(",", -1)[0].strip();
        return first.equals("weekdays") || DAY_NAMES.containsKey(first);
    }

    private static Set<DayOfWeek> days(String list) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : list.toLowerCase(Locale.ROOT).split(",", -1)) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (name.equals("weekdays")) {
                days.addAll(WEEKDAYS);
                continue;
            }
            DayOfWeek day = DAY_NAMES.get(name);
            if (day == null) {
                throw new UserInputException("'" + clip(part.strip()) + "' is not a day: use mon, tue, wed, thu,"
                        + " fri, sat, sun or weekdays, comma-separated, e.g. " + EXAMPLE + ".");
            }
            days.add(day);
        }
        if (days.isEmpty()) {
            throw new UserInputException("Say which days, e.g. " + EXAMPLE + ".");
        }
        return days;
    }

    private static LocalTime time(String text) {
        return clockTime(text).orElseThrow(() -> new UserInputException(clip(text)
                + " is not a time: use 24-hour HH:MM, e.g. " + EXAMPLE + "."));
    }

    /** A 24-hour "HH:MM" time, shared with the admin API so both read times alike. */
    public static java.util.Optional<LocalTime> clockTime(String text) {
        Matcher matcher = TIME.matcher(text.strip());
        if (matcher.matches()) {
            int hour = Integer.parseInt(matcher.group(1));
            int minute = Integer.parseInt(matcher.group(2));
            if (hour < 24 && minute < 60) {
                return java.util.Optional.of(LocalTime.of(hour, minute));
            }
        }
        return java.util.Optional.empty();
    }

    /** A day by its name or short name ("mon", "monday", "tues"...), shared with the admin API. */
    public static java.util.Optional<DayOfWeek> dayNamed(String text) {
        return java.util.Optional.ofNullable(DAY_NAMES.get(text.strip().toLowerCase(Locale.ROOT)));
    }

    private static ZoneId zone(String text) {
        for (String id : ZoneId.getAvailableZoneIds()) {
            if (id.equalsIgnoreCase(text)) {
                return ZoneId.of(id);
            }
        }
        throw new UserInputException(clip(text) + " is not a time zone: use an IANA name like Europe/London,"
                + " e.g. `tz Europe/London`.");
    }

    private String calendar(String text) {
        String id = text.toLowerCase(Locale.ROOT);
        if (!calendars.knows(id)) {
            throw new UserInputException("'" + clip(text) + "' is not a holiday calendar: use one of "
                    + String.join(", ", calendars.ids()) + ", e.g. `calendar scotland`.");
        }
        return id;
    }

    private static Duration duration(String text, String flag, Duration min, Duration max, String examples) {
        Matcher matcher = DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (text.isEmpty() || !matcher.matches()) {
            throw new UserInputException("'" + clip(text) + "' is not a duration for `" + flag + "`: use e.g. "
                    + examples + ".");
        }
        Duration duration = Duration.ofDays(number(matcher.group(1))).plusHours(number(matcher.group(2)))
                .plusMinutes(number(matcher.group(3)));
        if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
            throw new UserInputException("`" + flag + " " + clip(text) + "` is out of range: use between "
                    + words(min) + " and " + words(max) + ", e.g. " + examples + ".");
        }
        return duration;
    }

    private static String words(Duration duration) {
        if (duration.toHours() == 0) {
            return plural(duration.toMinutes(), "minute");
        }
        return duration.toHours() > 72 ? plural(duration.toDays(), "day") : plural(duration.toHours(), "hour");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }

    private static long number(String group) {
        return group == null ? 0 : Long.parseLong(group);
    }

    private static void once(Object seen, String flag) {
        if (seen != null) {
            throw new UserInputException("Give `" + flag + "` only once.");
        }
    }

    private static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static Map<String, DayOfWeek> dayNames() {
        Map<String, DayOfWeek> names = new java.util.HashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            String full = day.name().toLowerCase(Locale.ROOT);
            names.put(full, day);
            names.put(full.substring(0, 3), day);
        }
        names.put("tues", DayOfWeek.TUESDAY);
        names.put("weds", DayOfWeek.WEDNESDAY);
        names.put("thur", DayOfWeek.THURSDAY);
        names.put("thurs", DayOfWeek.THURSDAY);
        return Map.copyOf(names);
    }

    /** The words left to read; a day list written with spaces after its commas ("mon, thu") is read as one. */
    private static final class Words {
        private final List<CommandLine.Word> words;
        private int position;

        Words(List<CommandLine.Word> words) {
            this.words = words;
        }

        boolean hasNext() {
            return position < words.size();
        }

        String peek() {
            return words.get(position).text();
        }

        String next() {
            return nextWord().text();
        }

        CommandLine.Word nextWord() {
            return words.get(position++);
        }

        String nextDayList() {
            StringBuilder list = new StringBuilder(next());
            while (hasNext() && !TIME.matcher(peek()).matches()
                    && (list.toString().endsWith(",") || peek().startsWith(","))) {
                list.append(next());
            }
            return list.toString();
        }

        String valueFor(String flag, String example) {
            if (!hasNext()) {
                throw new UserInputException("`" + flag + "` needs a value, e.g. " + example + ".");
            }
            return next();
        }
    }
}
