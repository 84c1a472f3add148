package dev.nudge.web.admin;

/** What the sign-in page shows: the form, and why the last try failed (null when it did not). */
public record LoginView(String error) {}
