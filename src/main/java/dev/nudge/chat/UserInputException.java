package dev.nudge.chat;

/**
 * The user asked for something Nudge cannot do (a bad command, an unknown poll, a closed poll...). The message is
 * shown to that user as it is, so it says what went wrong and what to do instead.
 */
public class UserInputException extends RuntimeException {
    public UserInputException(String message) {
        super(message);
    }
}
