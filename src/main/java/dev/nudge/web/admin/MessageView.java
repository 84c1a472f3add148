package dev.nudge.web.admin;

/** A page that only says something: admin is off, a form has expired, a schedule is not there. */
public record MessageView(String title, String message, String linkHref, String linkText) {}
