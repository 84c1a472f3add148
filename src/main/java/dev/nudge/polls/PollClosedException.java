package dev.nudge.polls;

import dev.nudge.chat.UserInputException;

/** A vote arrived for a poll that has closed. */
public final class PollClosedException extends UserInputException {
    public PollClosedException() {
        super("This poll has closed, so votes are no longer counted. The result is in the thread.");
    }
}
