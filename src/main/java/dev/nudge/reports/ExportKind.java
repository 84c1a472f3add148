package dev.nudge.reports;

import dev.nudge.chat.UserInputException;
import java.util.Arrays;
import java.util.Locale;

/** What a CSV export holds: prompt answers, poll votes or retro ratings. */
public enum ExportKind {
    ANSWERS("answers"), VOTES("votes"), RATINGS("ratings");

    private final String id;

    ExportKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static ExportKind fromId(String id) {
        for (ExportKind kind : values()) {
            if (kind.id.equals(id == null ? "" : id.strip().toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new UserInputException("There is no export '" + id + "'. Choose one of: "
                + String.join(", ", Arrays.stream(values()).map(ExportKind::id).toList()) + ".");
    }
}
