package dev.nudge.actions;

import dev.nudge.chat.ConversationRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Stores action items. */
public interface ActionRepository {

    /** An item to store: everything but the id. {@code remindAt} is when the owner's reminder is due. */
    record NewItem(ConversationRef where, Long retroId, String text, String ownerId, String pack, Integer principleNumber,
                   LocalDate dueOn, String createdBy, Instant createdAt, Instant remindAt) {}

    /** An item with the bookkeeping the feature needs besides what {@link ActionItem} shows. */
    record Stored(ActionItem item, String createdBy, Instant remindAt, Instant remindedAt, Long helpPollId) {}

    /** A reminder still to send. */
    record PendingReminder(long actionId, Instant remindAt) {}

    /** The outcome of a review: which change it made, if any. */
    enum Review { DONE, NOT_YET, DROPPED }

    ActionItem create(NewItem item);

    Optional<Stored> find(long id);

    /** Open items of a channel by due date, then by id. */
    List<ActionItem> open(ConversationRef where);

    /**
     * Applies a review in one transaction if the item is still open; false (nothing written) when it was already
     * done or dropped. DONE and DROPPED close it (closed_at, closed_by); NOT_YET marks the review and keeps it open.
     */
    boolean review(long id, Review review, String by, Instant at);

    void attachHelpPoll(long id, long pollId);

    /** Open items whose reminder has not been sent, earliest first. */
    List<PendingReminder> pendingReminders();

    /** Records that the reminder went out; false when it had already (another sender won). */
    boolean markReminded(long id, Instant at);
}
