package dev.nudge;

import com.slack.api.Slack;
import dev.nudge.actions.ActionCommand;
import dev.nudge.actions.ActionService;
import dev.nudge.actions.ActionsCommand;
import dev.nudge.actions.WorkingDays;
import dev.nudge.channels.ChannelService;
import dev.nudge.chat.ChatGateways;
import dev.nudge.chat.Interactions;
import dev.nudge.chat.Roles;
import dev.nudge.chat.MessageRefresher;
import dev.nudge.chat.Platform;
import dev.nudge.commands.CommandRegistry;
import dev.nudge.config.NudgeConfig;
import dev.nudge.polls.PollCommand;
import dev.nudge.polls.PollRequestParser;
import dev.nudge.polls.PollService;
import dev.nudge.polls.VoterKeys;
import dev.nudge.principles.ChannelPacks;
import dev.nudge.principles.PackCatalog;
import dev.nudge.principles.PackCommand;
import dev.nudge.principles.PackLoader;
import dev.nudge.principles.PrinciplesCommand;
import dev.nudge.prompts.AskCommand;
import dev.nudge.prompts.PromptService;
import dev.nudge.reports.ReportCommand;
import dev.nudge.reports.ReportService;
import dev.nudge.config.ConfigException;
import dev.nudge.retros.RetroCommand;
import dev.nudge.retros.RetroService;
import dev.nudge.schedules.DeliveryQueue;
import dev.nudge.schedules.HolidayCalendars;
import dev.nudge.schedules.RuleEvaluator;
import dev.nudge.schedules.ScheduleCommand;
import dev.nudge.schedules.ScheduleDescriber;
import dev.nudge.schedules.ScheduleDispatcher;
import dev.nudge.schedules.ScheduleRequestParser;
import dev.nudge.schedules.ScheduleService;
import dev.nudge.scheduling.QuartzTimer;
import dev.nudge.storage.JdbcSchedules;
import dev.nudge.slack.BlockKitRenderer;
import dev.nudge.slack.SlackBot;
import dev.nudge.slack.SlackEndpoint;
import dev.nudge.slack.SlackModule;
import dev.nudge.slack.SlackSignature;
import dev.nudge.slack.SlackWebApi;
import dev.nudge.storage.Database;
import dev.nudge.storage.JdbcActions;
import dev.nudge.storage.JdbcChannels;
import dev.nudge.storage.JdbcDeliveries;
import dev.nudge.storage.JdbcPolls;
import dev.nudge.storage.JdbcPrompts;
import dev.nudge.storage.JdbcReports;
import dev.nudge.storage.JdbcRetros;
import dev.nudge.storage.JdbcTeamsConversations;
import dev.nudge.teams.TeamsModule;
import dev.nudge.web.HttpServer;
import dev.nudge.web.admin.AdminRoutes;
import io.javalin.http.Handler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: builds every part with {@code new}, starts them in order and stops them in reverse. */
public final class Nudge implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Nudge.class);

    /** Stop stages: take no new work first, finish what was accepted, send pending updates, close storage last. */
    private enum Stage { HTTP, SLACK, TIMER, WORK, REFRESH, TIMERS, DATABASE }

    private record Part(Stage stage, AutoCloseable part) {}

    private final List<Part> parts = new ArrayList<>();
    private final HttpServer http;

    private Nudge(NudgeConfig config, Clock clock) throws Exception {
        try {
            http = build(config, clock);
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    private HttpServer build(NudgeConfig config, Clock clock) throws Exception {
        Database database = Database.open(config.database());
        onStop(Stage.DATABASE, database);
        PackCatalog catalog = new PackCatalog(new PackLoader().load(config.principlesDir()), config.defaultPack());
        JdbcChannels channelStore = new JdbcChannels(database);
        ChannelPacks packs = new ChannelPacks(catalog, channelStore, clock);

        ExecutorService work = Executors.newFixedThreadPool(4, daemon("nudge-work"));
        onStop(Stage.WORK, () -> shutdown(work));
        java.util.concurrent.ScheduledThreadPoolExecutor timers =
                new java.util.concurrent.ScheduledThreadPoolExecutor(1, daemon("nudge-timers"));
        // Delayed work left at shutdown is not run: pending message updates are flushed by the refresher, and
        // scheduled deliveries stay recorded in the outbox and are resumed at the next start.
        timers.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        onStop(Stage.TIMERS, () -> shutdown(timers));
        MessageRefresher refresher = new MessageRefresher(timers, Duration.ofSeconds(1));
        onStop(Stage.REFRESH, refresher);

        ChatGateways gateways = new ChatGateways();
        Interactions interactions = new Interactions();
        CommandRegistry commands = new CommandRegistry();
        ChannelService channels = new ChannelService(channelStore, gateways, clock);

        PromptService prompts = new PromptService(new JdbcPrompts(database), packs, gateways, refresher, clock);
        prompts.register(interactions);
        VoterKeys voterKeys = new VoterKeys(VoterKeyFile.load(config));
        PollService polls = new PollService(new JdbcPolls(database), packs, gateways, refresher,
                voterKeys, config.adminUsers(), clock, config.timeZone());
        polls.register(interactions);

        commands.register(new PrinciplesCommand(packs));
        commands.register(new AskCommand(prompts));
        commands.register(new PollCommand(polls, new PollRequestParser(clock, config.timeZone())));
        // Admins (NUDGE_ADMINS, workspace admins) and leads (NUDGE_LEADS), one rule for every feature.
        Roles roles = new Roles(config.adminUsers(), config.schedules().leads(), gateways);
        commands.register(new PackCommand(packs, roles));
        ReportService reports = new ReportService(new JdbcReports(database), packs,
                config.insights().privacyThreshold(), clock, config.timeZone());
        commands.register(new ReportCommand(reports, gateways));

        JdbcDeliveries deliveries = new JdbcDeliveries(database);
        // Slack and Teams redeliver within minutes; remembering delivery ids for a day is plenty, so forget older
        // ones hourly.
        timers.scheduleWithFixedDelay(() -> forgetOldDeliveries(deliveries, clock), 1, 60, TimeUnit.MINUTES);

        NudgeConfig.Schedules scheduleConfig = config.schedules();
        HolidayCalendars calendars = HolidayCalendars.load(scheduleConfig.holidaysDir());
        if (!calendars.knows(scheduleConfig.defaultCalendar())) {
            throw new ConfigException("NUDGE_DEFAULT_CALENDAR is '" + scheduleConfig.defaultCalendar()
                    + "' but the calendars are: " + String.join(", ", calendars.ids()));
        }
        RuleEvaluator rules = new RuleEvaluator(calendars);
        JdbcSchedules scheduleStore = new JdbcSchedules(database);
        ScheduleService schedules = new ScheduleService(scheduleStore, rules, new ScheduleDescriber(clock, rules, calendars),
                gateways, packs, config.adminUsers(), scheduleConfig.leads(), scheduleConfig.maxPerChannel(), clock);
        ScheduleDispatcher dispatcher = new ScheduleDispatcher(scheduleStore, rules, prompts, polls, gateways,
                new DeliveryQueue(timers, work, scheduleConfig.workspacePostsPerMinute()), scheduleConfig.missedGrace(),
                Duration.ofSeconds(30), clock);
        commands.register(new ScheduleCommand(schedules, new ScheduleRequestParser(clock, calendars), config.timeZone(),
                scheduleConfig.defaultCalendar()));

        ActionService actions = new ActionService(new JdbcActions(database), packs, gateways, polls,
                roles, new WorkingDays(calendars, scheduleConfig.defaultCalendar(), config.timeZone()),
                clock);
        actions.register(interactions);
        commands.register(new ActionCommand(actions));
        commands.register(new ActionsCommand(actions));
        RetroService retros = new RetroService(new JdbcRetros(database), packs, gateways, refresher, voterKeys, actions,
                roles, channels, config.insights().privacyThreshold(), work, clock);
        retros.register(interactions);
        commands.register(new RetroCommand(retros));

        Optional<Handler> slackHandler = Optional.empty();
        NudgeConfig.Slack slackConfig = config.slack();
        if (slackConfig.enabled()) {
            SlackModule slack = new SlackModule(slackConfig);
            onStop(Stage.SLACK, slack);
            BlockKitRenderer renderer = new BlockKitRenderer();
            SlackWebApi web = new SlackWebApi(slack.slack(), slackConfig.botToken().orElseThrow(), renderer,
                    duration -> Thread.sleep(duration.toMillis()));
            gateways.register(Platform.SLACK, web);
            new SlackBot(commands, interactions, channels, web, renderer, deliveries, work, clock)
                    .register(slack.app());
            if (slackConfig.signingSecret().isPresent()) {
                // Signatures are checked against real time, whatever clock the features run on.
                SlackEndpoint endpoint = new SlackEndpoint(slack.app(), new SlackSignature(
                        slackConfig.signingSecret().get(), Clock.systemUTC()));
                slackHandler = Optional.of(endpoint::handle);
            }
            if (slackConfig.socketMode()) {
                slack.startSocketMode(slackConfig.appToken().orElseThrow());
            }
            log.info("Slack is on{}", slackConfig.signingSecret().isPresent() ? ": events at POST /slack/events" : "");
        } else {
            log.warn("Slack is OFF: {}. /slack/events answers 503 until it is configured.",
                    slackConfig.disabledReason().orElse(""));
        }

        // Teams is always reachable at /api/messages; without credentials only local emulator traffic is accepted.
        TeamsModule teams = new TeamsModule(config.teams(), new JdbcTeamsConversations(database),
                deliveries, commands, interactions, channels, work, clock);
        gateways.register(Platform.TEAMS, teams.gateway());

        QuartzTimer timer = new QuartzTimer(polls, dispatcher, actions, clock);
        onStop(Stage.TIMER, timer);
        polls.useCloser(timer);
        schedules.useTimer(timer);
        dispatcher.useTimer(timer);
        timer.daily("retention", dev.nudge.retention.RetentionJob.RUNS_AT, config.timeZone(),
                new dev.nudge.retention.RetentionJob(new dev.nudge.storage.JdbcRetention(database),
                        config.insights().retentionMonths(), clock, config.timeZone()));
        // Names and member counts for report pages and participation, after the night's retention run.
        timer.daily("channel-details", java.time.LocalTime.of(3, 30), config.timeZone(), channels::refreshAll);
        actions.useReminders(timer);
        polls.resumeTimedPolls();
        dispatcher.recover();
        actions.resumeReminders();
        timer.start();

        String slackOff = slackConfig.socketMode() && slackConfig.enabled()
                ? "Slack runs in Socket Mode; set SLACK_SIGNING_SECRET to also accept HTTP events"
                : slackConfig.disabledReason().orElse("");
        HttpServer server = new HttpServer(config.host(), config.port(), database, slackHandler, slackOff,
                routes(AdminRoutes.create(config.adminToken(), schedules, rules, calendars, packs, gateways, reports,
                        clock, config.timeZone(), scheduleConfig.defaultCalendar(), scheduleConfig.maxPerChannel()),
                        routes -> routes.post("/api/messages", teams.handler())));
        onStop(Stage.HTTP, server);
        server.start();
        log.info("Nudge is listening on {}:{} with database {}", config.host(), server.port(), database.file());
        if (config.adminToken().isPresent()) {
            log.info("Admin API at /api/v1/schedules and admin pages at /admin (reports, heatmap, actions, schedules, export) are on");
        } else {
            log.warn("Admin API and page are OFF (they answer 503): set NUDGE_ADMIN_TOKEN to turn them on");
        }
        return server;
    }

    /** Builds and starts everything; on a failure part-way, whatever started is stopped again. */
    public static Nudge start(NudgeConfig config, Clock clock) throws Exception {
        return new Nudge(config, clock);
    }

    public int port() {
        return http.port();
    }

    /** The admin route groups and Teams' endpoint, for the one server. */
    private static List<dev.nudge.web.Routes> routes(List<dev.nudge.web.Routes> admin, dev.nudge.web.Routes teams) {
        List<dev.nudge.web.Routes> all = new ArrayList<>(admin);
        all.add(teams);
        return all;
    }

    private static void forgetOldDeliveries(JdbcDeliveries deliveries, Clock clock) {
        try {
            deliveries.forgetBefore(clock.instant().minus(JdbcDeliveries.retention()));
        } catch (RuntimeException e) {
            log.warn("Could not prune old delivery ids: {}", e.getMessage());
        }
    }

    private void onStop(Stage stage, AutoCloseable part) {
        parts.add(new Part(stage, part));
    }

    /** Stops in stages: in-flight requests and accepted work finish before anything they use is closed. */
    @Override
    public void close() {
        if (parts.isEmpty()) {
            return;
        }
        parts.sort(java.util.Comparator.comparing(Part::stage));
        for (Part part : parts) {
            try {
                part.part().close();
            } catch (Exception e) {
                log.warn("Stopping {} failed: {}", part.stage(), e.getMessage());
            }
        }
        parts.clear();
        log.info("Nudge stopped");
    }

    private static void shutdown(ExecutorService executor) throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
