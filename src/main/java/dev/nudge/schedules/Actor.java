package dev.nudge.schedules;

/** Who asks for a change: a chat user (checked against creator, leads and admins) or the admin API (full rights). */
public record Actor(String userId, boolean admin) {
    public static Actor api() {
        return new Actor("admin-api", true);
    }
}
