/** Reminder schedules: rules in a time zone with holiday calendars, the commands that manage them, and delivery. */
package dev.nudge.schedules;
