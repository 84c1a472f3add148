package dev.nudge.actions;

import dev.nudge.schedules.HolidayCalendars;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * When an owner is reminded: 09:00 (server time zone) two working days before the due date. Working days skip
 * Saturdays, Sundays and the days the calendar skips (bank holidays, closures).
 *
 * <p>If that moment has already passed when the item is made (it is due within two working days), the reminder goes
 * out at once, with its review buttons: a late reminder is more use than none, and waiting for another 09:00 would
 * often land on the due date itself.
 */
public final class WorkingDays {
    public static final LocalTime REMIND_TIME = LocalTime.of(9, 0);
    public static final int DAYS_BEFORE = 2;

    private final HolidayCalendars calendars;
    private final String calendar;
    private final ZoneId zone;

    public WorkingDays(HolidayCalendars calendars, String calendar, ZoneId zone) {
        this.calendars = calendars;
        this.calendar = calendar;
        this.zone = zone;
    }

    public boolean isWorkingDay(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY
                && calendars.skipReason(calendar, date).isEmpty();
    }

    /** 09:00 on the second working day before {@code due}. */
    public Instant plannedReminder(LocalDate due) {
        LocalDate day = due;
        int counted = 0;
        while (counted < DAYS_BEFORE) {
            day = day.minusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day.atTime(REMIND_TIME).atZone(zone).toInstant();
    }

    /** The planned reminder, or {@code now} when that is already past (see the class comment). */
    public Instant reminderFor(LocalDate due, Instant now) {
        Instant planned = plannedReminder(due);
        return planned.isAfter(now) ? planned : now;
    }

    public ZoneId zone() {
        return zone;
    }
}
