package dev.nudge.schedules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Bank holiday calendars and the trust's own closure days, read from {@code date,name} CSV files: the files shipped
 * inside the jar under {@code /config/holidays/}, then every {@code *.csv} in the holidays folder (a file with the
 * same name replaces the shipped one). A file's name without {@code .csv} is the calendar id; {@code closures.csv}
 * is special and applies to every calendar, including {@value #NONE}, which has no bank holidays. Any problem stops
 * start-up with file and line.
 */
public final class HolidayCalendars {
    public static final String NONE = "none";
    public static final Path DEFAULT_FOLDER = Path.of("config", "holidays");
    static final String CLOSURES = "closures";
    static final List<String> SHIPPED = List.of("england-and-wales", "scotland", "northern-ireland", CLOSURES);
    private static final Map<String, String> DISPLAY_NAMES = Map.of(
            "england-and-wales", "England & Wales",
            "scotland", "Scotland",
            "northern-ireland", "Northern Ireland",
            NONE, "no bank holidays");
    private static final int MAX_NAME = 100;
    private static final String EXAMPLE_ROW = "2026-12-24,Trust IT freeze";

    /** Calendar id to its days; closures kept apart because they apply to every calendar. */
    private final Map<String, Map<LocalDate, String>> calendars;
    private final Map<LocalDate, String> closures;

    private HolidayCalendars(Map<String, Map<LocalDate, String>> files) {
        Map<String, Map<LocalDate, String>> byId = new TreeMap<>(files);
        Map<LocalDate, String> closureDays = byId.remove(CLOSURES);
        this.closures = closureDays == null ? Map.of() : Map.copyOf(closureDays);
        Map<String, Map<LocalDate, String>> copy = new TreeMap<>();
        byId.forEach((id, days) -> copy.put(id, Map.copyOf(days)));
        this.calendars = Collections.unmodifiableMap(copy);
    }

    /** The shipped calendars only, as they are inside the jar. */
    public static HolidayCalendars shipped() {
        return new HolidayCalendars(readShipped());
    }

    /** The shipped calendars, then every {@code *.csv} in {@code folder} (missing folder: shipped ones only). */
    public static HolidayCalendars load(Path folder) {
        Map<String, Map<LocalDate, String>> files = readShipped();
        if (Files.isDirectory(folder)) {
            List<Path> sorted = new ArrayList<>();
            try (DirectoryStream<Path> found = Files.newDirectoryStream(folder, "*.csv")) {
                found.forEach(sorted::add);
            } catch (IOException e) {
                throw new HolidayFileException(folder.toString(), 0, "cannot be read: " + e.getMessage());
            }
            sorted.sort(null);
            for (Path file : sorted) {
                String fileName = file.getFileName().toString();
                String id = calendarId(file.toString(), fileName.substring(0, fileName.length() - ".csv".length()));
                try (InputStream in = Files.newInputStream(file)) {
                    files.put(id, parse(file.toString(), in));
                } catch (IOException e) {
                    throw new HolidayFileException(file.toString(), 0, "cannot be read: " + e.getMessage());
                }
            }
        }
        return new HolidayCalendars(files);
    }

    private static Map<String, Map<LocalDate, String>> readShipped() {
        Map<String, Map<LocalDate, String>> files = new HashMap<>();
        for (String id : SHIPPED) {
            String resource = "/config/holidays/" + id + ".csv";
            try (InputStream in = HolidayCalendars.class.getResourceAsStream(resource)) {
                if (in != null) {
                    files.put(id, parse("classpath:" + resource, in));
                }
            } catch (IOException e) {
                throw new HolidayFileException("classpath:" + resource, 0, "cannot be read: " + e.getMessage());
            }
        }
        return files;
    }

    private static String calendarId(String file, String id) {
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new HolidayFileException(file, 0, "the file name must be lower-case letters, digits and dashes"
                    + " (it is the calendar id), e.g. scotland.csv");
        }
        if (id.equals(NONE)) {
            throw new HolidayFileException(file, 0, "'none' is reserved for \"no bank holidays\": rename the file");
        }
        return id;
    }

    /** Reads {@code date,name} rows after a {@code date,name} header; blank lines and {@code #} lines are skipped. */
    static Map<LocalDate, String> parse(String file, InputStream in) throws IOException {
        Map<LocalDate, String> days = new HashMap<>();
        Map<LocalDate, Integer> lineOf = new HashMap<>();
        boolean headerSeen = false;
        int lineNumber = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String raw = reader.readLine(); raw != null; raw = reader.readLine()) {
                lineNumber++;
                String line = (lineNumber == 1 ? raw.replace("\uFEFF", "") : raw).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (!headerSeen) {
                    if (!line.replace(" ", "").equalsIgnoreCase("date,name")) {
                        throw new HolidayFileException(file, lineNumber, "the first line must be the header 'date,name'"
                                + " (then one day a line, e.g. " + EXAMPLE_ROW + ")");
                    }
                    headerSeen = true;
                    continue;
                }
                int comma = line.indexOf(',');
                if (comma < 0) {
                    throw new HolidayFileException(file, lineNumber, "expected date,name, e.g. " + EXAMPLE_ROW);
                }
                LocalDate date = date(file, lineNumber, line.substring(0, comma).strip());
                String name = name(file, lineNumber, line.substring(comma + 1).strip());
                Integer earlier = lineOf.putIfAbsent(date, lineNumber);
                if (earlier != null) {
                    throw new HolidayFileException(file, lineNumber, date + " is listed twice (also on line " + earlier
                            + "): keep one row a day");
                }
                days.put(date, name);
            }
        }
        if (!headerSeen) {
            throw new HolidayFileException(file, 1, "the file needs the header line 'date,name'");
        }
        return days;
    }

    private static LocalDate date(String file, int line, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new HolidayFileException(file, line, "'" + text + "' is not a date: use YYYY-MM-DD, e.g. "
                    + EXAMPLE_ROW);
        }
    }

    private static String name(String file, int line, String text) {
        String name = text;
        if (name.startsWith("\"")) {
            if (name.length() < 2 || !name.endsWith("\"")) {
                throw new HolidayFileException(file, line, "the quoted name is not closed: end it with \"");
            }
            name = name.substring(1, name.length() - 1).replace("\"\"", "\"").strip();
        }
        if (name.isEmpty()) {
            throw new HolidayFileException(file, line, "the name is missing: expected date,name, e.g. " + EXAMPLE_ROW);
        }
        if (name.length() > MAX_NAME) {
            throw new HolidayFileException(file, line, "the name is " + name.length() + " characters; at most "
                    + MAX_NAME);
        }
        return name;
    }

    /**
     * Why a schedule on {@code calendar} does not run on {@code date}: the bank holiday, e.g. "Christmas Day
     * (England & Wales bank holiday)", else the closure, e.g. "closure: Trust IT freeze"; empty on a working day.
     *
     * @throws IllegalArgumentException for a calendar id that is not known (check with {@link #knows})
     */
    public Optional<String> skipReason(String calendar, LocalDate date) {
        if (!knows(calendar)) {
            throw new IllegalArgumentException("unknown holiday calendar '" + calendar + "'; known: " + ids());
        }
        if (!calendar.equals(NONE)) {
            String holiday = calendars.get(calendar).get(date);
            if (holiday != null) {
                return Optional.of(qualified(holiday, displayName(calendar) + " bank holiday"));
            }
        }
        String closure = closures.get(date);
        return closure == null ? Optional.empty() : Optional.of("closure: " + closure);
    }

    /** "Boxing Day" + note gives "Boxing Day (note)"; "Boxing Day (substitute day)" gives "(substitute day, note)". */
    private static String qualified(String name, String note) {
        return name.endsWith(")") ? name.substring(0, name.length() - 1) + ", " + note + ")"
                : name + " (" + note + ")";
    }

    /** The calendar ids in alphabetical order, then {@value #NONE}. */
    public Set<String> ids() {
        Set<String> ids = new LinkedHashSet<>(calendars.keySet());
        ids.add(NONE);
        return Collections.unmodifiableSet(ids);
    }

    public boolean knows(String id) {
        return id != null && (id.equals(NONE) || calendars.containsKey(id));
    }

    /** Whether the trust listed any closure days of its own. */
    public boolean hasClosures() {
        return !closures.isEmpty();
    }

    /** "England & Wales", "Scotland", "Northern Ireland", "no bank holidays"; a trust's own file by its words. */
    public String displayName(String id) {
        String known = DISPLAY_NAMES.get(id);
        if (known != null) {
            return known;
        }
        StringBuilder name = new StringBuilder();
        for (String word : id.split("-")) {
            if (word.isEmpty()) {
                continue;
            }
            if (name.length() > 0) {
                name.append(' ');
            }
            boolean small = name.length() > 0 && (word.equals("and") || word.equals("of") || word.equals("the"));
            name.append(small ? word : word.substring(0, 1).toUpperCase(Locale.UK) + word.substring(1));
        }
        return name.toString();
    }
}
