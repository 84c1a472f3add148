package dev.nudge.polls;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A poll as asked for by a command, before it is stored. */
public record PollRequest(Optional<String> question, List<String> options, Optional<String> principle, boolean anonymous,
                          boolean hidden, Optional<Instant> closesAt) {
    public PollRequest {
        options = List.copyOf(options);
    }

    public boolean isCustom() {
        return question.isPresent();
    }
}
