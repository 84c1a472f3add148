package dev.nudge.teams;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Display names of the people Nudge has heard from or seen mentioned, by Nudge's id for them, so a card can
 * @mention an action's owner as Teams requires ({@code <at>Name</at>} plus a mention entity naming id and name).
 * Kept in memory only: after a restart a name is learnt again from the next message, and until then the card names
 * the person in words instead of mentioning them.
 */
public final class TeamsPeople {
    /** Enough for the people of many teams; beyond it the oldest-learnt names are simply forgotten. */
    static final int MAX = 50_000;
    private final Map<String, String> names = new ConcurrentHashMap<>();

    public void remember(String userId, String name) {
        if (userId == null || userId.isBlank() || name == null || name.isBlank()) {
            return;
        }
        if (names.size() >= MAX && !names.containsKey(userId)) {
            names.clear();
        }
        names.put(userId, name.strip());
    }

    public Optional<String> name(String userId) {
        return Optional.ofNullable(names.get(userId));
    }
}
