package dev.nudge.reports;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.nudge.principles.PackCatalog;
import dev.nudge.principles.PrinciplePack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes one export as CSV (RFC 4180, a header row, UTF-8 by the caller's writer). Rules:
 * <ul>
 *   <li>Anonymous rows (votes of an anonymous poll, ratings of an anonymous retro) have an empty {@code user_id}
 *       and only a {@code date}, no {@code time}, so they cannot be lined up with named activity.</li>
 *   <li>Rows of an anonymous poll or retro answered by fewer people than the privacy threshold are left out; so are
 *       votes of a hidden poll that is still open. Each kind left out is counted in a last line starting with
 *       {@code #}, e.g. {@code # 2 rows withheld: anonymous polls or retros with fewer than 3 respondents}.
 *       (Spreadsheets show it as a last row; CSV readers with comment support skip it.)</li>
 *   <li>A cell starting with {@code = + - @}, a tab or a carriage return gets a leading {@code '} so spreadsheets
 *       do not run it as a formula.</li>
 * </ul>
 */
final class CsvExport {
    private static final CsvMapper CSV = CsvMapper.builder()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            // Quote only cells that need it (a comma, a quote, a line break), as spreadsheets write CSV.
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ssxxx");

    private final ExportKind kind;
    private final ZoneId zone;
    private final PrivacyRule privacy;
    private final PackCatalog catalog;

    CsvExport(ExportKind kind, ZoneId zone, PrivacyRule privacy, PackCatalog catalog) {
        this.kind = kind;
        this.zone = zone;
        this.privacy = privacy;
        this.catalog = catalog;
    }

    static List<String> columns(ExportKind kind) {
        List<String> columns = new ArrayList<>(List.of("date", "time", "platform", "workspace_id", "channel_id",
                "channel_name"));
        switch (kind) {
            case ANSWERS -> columns.addAll(List.of("pack", "principle_number", "principle_title", "question", "user_id",
                    "answer", "score"));
            case VOTES -> columns.addAll(List.of("poll_id", "poll_kind", "anonymous", "question", "pack",
                    "principle_number", "principle_title", "option_position", "option_label", "score", "user_id"));
            case RATINGS -> columns.addAll(List.of("retro_id", "anonymous", "pack", "principle_number",
                    "principle_title", "score", "user_id"));
        }
        return columns;
    }

    /** Feeds every row the reader gives into {@code out}; returns the data rows written. */
    long write(Consumer<ReportRepository.ExportSink> reader, Writer out) {
        CsvSchema.Builder schema = CsvSchema.builder();
        columns(kind).forEach(schema::addColumn);
        long[] written = {0};
        long[] tooFew = {0};
        long[] hidden = {0};
        try (SequenceWriter rows = CSV.writer(schema.build()).writeValues(out)) {
            // The header goes first as a row of its own, so even a file whose rows were all withheld has it.
            rows.write(columns(kind));
            reader.accept(row -> {
                if (row.hiddenOpen()) {
                    hidden[0]++;
                } else if (row.anonymous() && !privacy.enough(row.groupRespondents())) {
                    tooFew[0]++;
                } else {
                    try {
                        rows.write(cells(row));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    written[0]++;
                }
            });
            rows.flush();
            if (tooFew[0] > 0) {
                out.write("# " + tooFew[0] + (tooFew[0] == 1 ? " row" : " rows")
                        + " withheld: anonymous polls or retros with fewer than " + privacy.threshold()
                        + " respondents\n");
            }
            if (hidden[0] > 0) {
                out.write("# " + hidden[0] + (hidden[0] == 1 ? " row" : " rows")
                        + " withheld: hidden polls that are still open\n");
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written[0];
    }

    private List<String> cells(ReportRepository.ExportRow row) {
        ZonedDateTime at = row.at().atZone(zone);
        List<String> cells = new ArrayList<>();
        cells.add(at.toLocalDate().toString());
        cells.add(row.anonymous() ? "" : TIME.format(at));
        cells.add(row.channel().platform().id());
        cells.add(row.channel().workspaceId());
        cells.add(row.channel().channelId());
        cells.add(row.channelName() == null ? "" : row.channelName());
        String userId = row.anonymous() || row.userId() == null ? "" : row.userId();
        switch (kind) {
            case ANSWERS -> {
                cells.addAll(principle(row));
                cells.add(row.question());
                cells.add(userId);
                cells.add(row.answer());
                cells.add(number(row.score()));
            }
            case VOTES -> {
                cells.add(String.valueOf(row.groupId()));
                cells.add(row.answer());
                cells.add(String.valueOf(row.anonymous()));
                cells.add(row.question());
                cells.addAll(principle(row));
                cells.add(number(row.position()));
                cells.add(row.optionLabel());
                cells.add(number(row.score()));
                cells.add(userId);
            }
            case RATINGS -> {
                cells.add(String.valueOf(row.groupId()));
                cells.add(String.valueOf(row.anonymous()));
                cells.addAll(principle(row));
                cells.add(number(row.score()));
                cells.add(userId);
            }
        }
        return cells.stream().map(CsvExport::defuse).toList();
    }

    private List<String> principle(ReportRepository.ExportRow row) {
        if (row.principle() == null) {
            return List.of(row.pack() == null ? "" : row.pack(), "", "");
        }
        PrinciplePack pack = catalog.byNameOrDefault(row.pack());
        String title = row.principle() <= pack.principles().size() && pack.name().equals(row.pack())
                ? pack.principles().get(row.principle() - 1).title() : "";
        return List.of(row.pack() == null ? "" : row.pack(), String.valueOf(row.principle()), title);
    }

    private static String number(Integer value) {
        return value == null ? "" : value.toString();
    }

    /** Spreadsheet formula injection guard (OWASP "CSV injection"). */
    static String defuse(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell == null ? "" : cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }
}
