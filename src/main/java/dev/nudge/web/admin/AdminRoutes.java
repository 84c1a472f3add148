package dev.nudge.web.admin;

import dev.nudge.chat.ChatGateways;
import dev.nudge.principles.ChannelPacks;
import dev.nudge.reports.ReportService;
import dev.nudge.schedules.HolidayCalendars;
import dev.nudge.schedules.RuleEvaluator;
import dev.nudge.schedules.ScheduleService;
import dev.nudge.web.Routes;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Builds the admin API and page for the composition root, so it need not know their parts. */
public final class AdminRoutes {
    /** How long a sign-in to the admin page lasts. */
    public static final Duration SESSION_LIFETIME = Duration.ofHours(8);

    private AdminRoutes() {
    }

    /**
     * {@code clock} is the features' clock (the schedules' "now"); sessions expire on real time whatever it says.
     * {@code defaultZone} and {@code defaultCalendar} fill in what an API request leaves out.
     */
    public static List<Routes> create(Optional<String> adminToken, ScheduleService schedules, RuleEvaluator rules,
                                      HolidayCalendars calendars, ChannelPacks packs, ChatGateways gateways,
                                      ReportService reports, Clock clock, ZoneId defaultZone, String defaultCalendar,
                                      int maxPerChannel) {
        AdminToken token = new AdminToken(adminToken);
        ScheduleBodyReader reader = new ScheduleBodyReader(calendars, rules, packs, gateways, clock, defaultZone,
                defaultCalendar);
        AdminWeb web = new AdminWeb(token, new AdminSessions(Clock.systemUTC(), SESSION_LIFETIME));
        return List.of(
                new ScheduleApi(token, schedules, reader, gateways, maxPerChannel),
                new AdminPage(web, schedules, new ScheduleRows(schedules)),
                new ReportPages(web, reports));
    }
}
