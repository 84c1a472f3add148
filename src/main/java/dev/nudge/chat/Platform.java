package dev.nudge.chat;

/** The chat platforms Nudge talks to; stored as the lower-case name. */
public enum Platform {
    SLACK, TEAMS;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Platform fromId(String id) {
        return valueOf(id.toUpperCase(java.util.Locale.ROOT));
    }
}
