package dev.nudge.web.admin;

import dev.nudge.chat.ConversationRef;
import dev.nudge.schedules.ScheduleRequest;

/** A schedule asked for through the API, every field checked: where it posts and what and when. */
record NewSchedule(ConversationRef where, ScheduleRequest request) {}
