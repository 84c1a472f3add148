package dev.nudge.schedules;

/** A schedule as asked for in chat or through the API, parsed and checked, before it is stored. */
public record ScheduleRequest(ScheduleRule rule, ScheduleAction action) {}
