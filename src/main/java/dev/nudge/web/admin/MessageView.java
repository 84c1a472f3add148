package dev.nudge.web.admin;

/**
 * A page that only says something: admin is off, a form has expired, a team is not there. {@code csrf} is the
 * session's token when someone is signed in (for the header's sign-out button), else null.
 */
public record MessageView(String title, String message, String linkHref, String linkText, String csrf) {}
