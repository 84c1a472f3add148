package dev.nudge.web.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.nudge.chat.ChatDeliveryException;
import dev.nudge.chat.ChatGateways;
import dev.nudge.chat.ConversationRef;
import dev.nudge.chat.Platform;
import dev.nudge.chat.UserInputException;
import dev.nudge.principles.ChannelPacks;
import dev.nudge.schedules.Frequency;
import dev.nudge.schedules.HolidayCalendars;
import dev.nudge.schedules.RuleEvaluator;
import dev.nudge.schedules.ScheduleAction;
import dev.nudge.schedules.ScheduleRequest;
import dev.nudge.schedules.ScheduleRequestParser;
import dev.nudge.schedules.ScheduleRule;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the JSON body of {@code POST /api/v1/schedules} into a {@link NewSchedule}. Every field is checked, in the
 * order listed in {@link #FIELDS}, and the first problem is reported with the field's name; nothing is stored here.
 */
final class ScheduleBodyReader {
    static final List<String> FIELDS = List.of("platform", "workspace_id", "channel_id", "frequency", "days", "time",
            "time_zone", "calendar", "include_weekends", "action", "principle", "poll_open_minutes",
            "remind_after_minutes");
    /** The same bounds as the chat command's {@code poll closes} and {@code remind}. */
    static final int MIN_POLL_MINUTES = 1;
    static final int MAX_POLL_MINUTES = 30 * 24 * 60;
    static final int MIN_REMIND_MINUTES = 60;
    static final int MAX_REMIND_MINUTES = 72 * 60;
    static final String EXAMPLE = "{\"platform\": \"slack\", \"workspace_id\": \"T123\", \"channel_id\": \"C123\","
            + " \"frequency\": \"weekly\", \"days\": [\"mon\", \"thu\"], \"time\": \"09:30\"}";
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Pattern ID = Pattern.compile("[\\x21-\\x7E&&[^\"'<>\\\\]]{1,200}");
    private static final int MAX_TEXT = 200;

    private final HolidayCalendars calendars;
    private final RuleEvaluator rules;
    private final ChannelPacks packs;
    private final ChatGateways gateways;
    private final Clock clock;
    private final ZoneId defaultZone;
    private final String defaultCalendar;

    ScheduleBodyReader(HolidayCalendars calendars, RuleEvaluator rules, ChannelPacks packs, ChatGateways gateways,
                       Clock clock, ZoneId defaultZone, String defaultCalendar) {
        this.calendars = calendars;
        this.rules = rules;
        this.packs = packs;
        this.gateways = gateways;
        this.clock = clock;
        this.defaultZone = defaultZone;
        this.defaultCalendar = defaultCalendar;
    }

    NewSchedule read(String body) {
        JsonNode root = parse(body);
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ApiException.badField(name, "'" + clip(name) + "' is not a schedule field. The fields are: "
                        + String.join(", ", FIELDS) + ".");
            }
        }
        Platform platform = platform(requiredText(root, "platform"));
        ConversationRef where = new ConversationRef(platform, id(root, "workspace_id"), id(root, "channel_id"));
        Frequency frequency = frequency(requiredText(root, "frequency"));
        Set<DayOfWeek> days = days(root, frequency);
        LocalTime time = time(requiredText(root, "time"));
        ZoneId zone = optionalText(root, "time_zone").map(ScheduleBodyReader::zone).orElse(defaultZone);
        String calendar = calendar(optionalText(root, "calendar").orElse(defaultCalendar));
        boolean weekends = optionalBoolean(root, "include_weekends").orElse(false);
        ScheduleAction.Kind kind = optionalText(root, "action").map(ScheduleBodyReader::kind)
                .orElse(ScheduleAction.Kind.PROMPT);
        Optional<String> principle = principle(root);
        Optional<Integer> pollOpen = optionalInt(root, "poll_open_minutes", MIN_POLL_MINUTES, MAX_POLL_MINUTES);
        if (pollOpen.isPresent() && kind != ScheduleAction.Kind.POLL) {
            throw ApiException.badField("poll_open_minutes", "poll_open_minutes is only for \"action\": \"poll\".");
        }
        Optional<Integer> remind = optionalInt(root, "remind_after_minutes", MIN_REMIND_MINUTES, MAX_REMIND_MINUTES);

        ScheduleRule rule = new ScheduleRule(frequency, days, time, zone, LocalDate.now(clock.withZone(zone)),
                weekends, calendar);
        if (!rules.firesEver(rule)) {
            throw ApiException.badField(frequency == Frequency.DAILY ? "calendar" : "days", "This schedule would"
                    + " never run: every day it falls on in the next two years is "
                    + (weekends ? "" : "a weekend, ") + "a bank holiday or a closure day. Pick other days"
                    + (weekends ? "" : ", set include_weekends") + " or choose another calendar.");
        }
        principle.ifPresent(reference -> {
            try {
                packs.forChannel(where).find(reference);
            } catch (UserInputException e) {
                throw ApiException.badField("principle", e.getMessage());
            }
        });
        ScheduleAction action = new ScheduleAction(kind, principle,
                pollOpen.<Duration>map(Duration::ofMinutes).orElse(ScheduleAction.DEFAULT_POLL_OPEN_FOR),
                remind.map(Duration::ofMinutes));
        return new NewSchedule(where, new ScheduleRequest(rule, action));
    }

    private static JsonNode parse(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw ApiException.badRequest("The body is not valid JSON" + where + ": " + clip(e.getOriginalMessage(), 160)
                    + ". Send a JSON object, e.g. " + EXAMPLE + ".");
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("The body must be a JSON object, e.g. " + EXAMPLE + ".");
        }
        return root;
    }

    private Platform platform(String text) {
        Platform platform = Arrays.stream(Platform.values()).filter(p -> p.id().equals(text.toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> ApiException.badField("platform", "'" + clip(text) + "' is not a"
                        + " platform: use " + Arrays.stream(Platform.values()).map(p -> "\"" + p.id() + "\"")
                        .collect(Collectors.joining(" or ")) + "."));
        try {
            gateways.forPlatform(platform);
        } catch (ChatDeliveryException e) {
            throw ApiException.badField("platform", e.getMessage() + ".");
        }
        return platform;
    }

    private static String id(JsonNode root, String field) {
        String id = requiredText(root, field);
        if (!ID.matcher(id).matches()) {
            throw ApiException.badField(field, field + " must be the platform's id for it, e.g. \"C0123ABC\": 1 to 200"
                    + " printable characters without spaces or quotes.");
        }
        return id;
    }

    private static Frequency frequency(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "daily" -> Frequency.DAILY;
            case "weekly" -> Frequency.WEEKLY;
            case "fortnightly" -> Frequency.FORTNIGHTLY;
            default -> throw ApiException.badField("frequency", "'" + clip(text) + "' is not a frequency: use"
                    + " \"daily\", \"weekly\" or \"fortnightly\".");
        };
    }

    private static Set<DayOfWeek> days(JsonNode root, Frequency frequency) {
        JsonNode node = root.get("days");
        boolean absent = node == null || node.isNull();
        if (frequency == Frequency.DAILY) {
            if (!absent) {
                throw ApiException.badField("days", "A daily schedule runs every day, so leave out days; for chosen"
                        + " days use \"frequency\": \"weekly\".");
            }
            return EnumSet.allOf(DayOfWeek.class);
        }
        if (absent) {
            throw ApiException.badField("days", "days is required for a " + frequency.name().toLowerCase(Locale.ROOT)
                    + " schedule, e.g. [\"mon\", \"thu\"].");
        }
        if (!node.isArray() || node.isEmpty()) {
            throw ApiException.badField("days", "days must be a non-empty list of days, e.g. [\"mon\", \"thu\"].");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (JsonNode element : node) {
            DayOfWeek day = element.isTextual() ? day(element.asText()) : null;
            if (day == null) {
                throw ApiException.badField("days", "'" + clip(element.asText()) + "' is not a day: use mon, tue, wed,"
                        + " thu, fri, sat or sun.");
            }
            days.add(day);
        }
        return days;
    }

    private static DayOfWeek day(String text) {
        return ScheduleRequestParser.dayNamed(text).orElse(null);
    }

    private static LocalTime time(String text) {
        return ScheduleRequestParser.clockTime(text).orElseThrow(() -> ApiException.badField("time", "'" + clip(text)
                + "' is not a time: use 24-hour \"HH:MM\", e.g. \"09:30\"."));
    }

    private static ZoneId zone(String text) {
        for (String id : ZoneId.getAvailableZoneIds()) {
            if (id.equalsIgnoreCase(text)) {
                return ZoneId.of(id);
            }
        }
        throw ApiException.badField("time_zone", "'" + clip(text) + "' is not a time zone: use an IANA name like"
                + " \"Europe/London\".");
    }

    private String calendar(String text) {
        String id = text.toLowerCase(Locale.ROOT);
        if (!calendars.knows(id)) {
            throw ApiException.badField("calendar", "'" + clip(text) + "' is not a holiday calendar: use one of "
                    + String.join(", ", calendars.ids()) + ".");
        }
        return id;
    }

    private static ScheduleAction.Kind kind(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "prompt" -> ScheduleAction.Kind.PROMPT;
            case "poll" -> ScheduleAction.Kind.POLL;
            default -> throw ApiException.badField("action", "'" + clip(text) + "' is not an action: use \"prompt\""
                    + " or \"poll\".");
        };
    }

    /** A principle number or key, as in chat; a whole number is taken as the principle's number. */
    private static Optional<String> principle(JsonNode root) {
        JsonNode node = root.get("principle");
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return Optional.of(Integer.toString(node.intValue()));
        }
        String text = optionalText(root, "principle").orElseThrow().strip();
        if (text.isEmpty() || text.length() > 100) {
            throw ApiException.badField("principle", "principle must be a principle's number or key, e.g. \"3\" or"
                    + " \"measure\"; leave it out to rotate through the channel's principles.");
        }
        return Optional.of(text);
    }

    private static String requiredText(JsonNode root, String field) {
        return optionalText(root, field).orElseThrow(() -> ApiException.badField(field, field + " is required."));
    }

    private static Optional<String> optionalText(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw ApiException.badField(field, field + " must be a string.");
        }
        String text = node.asText();
        if (text.isBlank()) {
            throw ApiException.badField(field, field + " must not be empty.");
        }
        if (text.length() > MAX_TEXT) {
            throw ApiException.badField(field, field + " is too long (at most " + MAX_TEXT + " characters).");
        }
        return Optional.of(text.strip());
    }

    private static Optional<Boolean> optionalBoolean(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isBoolean()) {
            throw ApiException.badField(field, field + " must be true or false.");
        }
        return Optional.of(node.booleanValue());
    }

    private static Optional<Integer> optionalInt(JsonNode root, String field, int min, int max) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            throw ApiException.badField(field, field + " must be a whole number of minutes from " + min + " to " + max
                    + ".");
        }
        return Optional.of(node.intValue());
    }

    private static String clip(String text) {
        return clip(text, 60);
    }

    private static String clip(String text, int most) {
        if (text == null) {
            return "";
        }
        return text.length() > most ? text.substring(0, most) + "…" : text;
    }
}
