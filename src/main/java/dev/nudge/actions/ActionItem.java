package dev.nudge.actions;

import dev.nudge.chat.ConversationRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An action item a team agreed on: what, who owns it, by when, and which principle it should help (nullable).
 * {@code retroId} is the retro it came from, or null for one made with {@code /nudge action}. {@code notYet} is true
 * when the last review said "not yet" (the item stays open).
 */
public record ActionItem(long id, ConversationRef where, Long retroId, String text, String ownerId, String pack,
                         Integer principleNumber, LocalDate dueOn, Status status, boolean notYet, Instant createdAt) {
    public enum Status { OPEN, DONE, DROPPED }

    public ActionItem {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(pack, "pack");
        Objects.requireNonNull(dueOn, "dueOn");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }
}
