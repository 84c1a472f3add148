package dev.nudge.retros;

import dev.nudge.chat.UserInputException;

/** An answer arrived for a retro that has closed. */
public final class RetroClosedException extends UserInputException {
    public RetroClosedException() {
        super("This retro has closed, so answers are no longer taken. The summary is in its thread.");
    }
}
