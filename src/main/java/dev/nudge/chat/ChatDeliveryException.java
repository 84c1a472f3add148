package dev.nudge.chat;

/** A platform refused or failed to take a message; the message says why in words a user can act on. */
public final class ChatDeliveryException extends RuntimeException {
    public ChatDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }

    public ChatDeliveryException(String message) {
        super(message);
    }
}
