package dev.nudge.scheduling;

import dev.nudge.actions.ActionReminders;
import dev.nudge.actions.ActionService;
import dev.nudge.polls.PollCloser;
import dev.nudge.polls.PollService;
import dev.nudge.schedules.ScheduleDispatcher;
import dev.nudge.schedules.ScheduleTimer;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz with an in-memory job store. The database is the source of truth: at start every open poll with a close
 * time is scheduled again from the polls table, and a close time already past fires at once. (Quartz's JDBC store on
 * SQLite needs its own DDL and IMMEDIATE transactions; rebuilding from our tables keeps one schema and one truth.)
 */
public final class QuartzTimer implements PollCloser, ScheduleTimer, ActionReminders, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(QuartzTimer.class);
    private static final String POLLS = "poll-close";
    private static final String SCHEDULES = "schedule";
    private static final String REMINDERS = "reminder";
    private static final String DAILY = "daily";
    private static final String ACTION_REMINDERS = "action-reminder";

    private final Scheduler scheduler;
    private final java.time.Clock clock;
    private final java.util.Map<String, Daily> daily = new java.util.concurrent.ConcurrentHashMap<>();

    /** A task run once a day at a local time. */
    private record Daily(java.time.LocalTime at, java.time.ZoneId zone, Runnable task) {}

    /**
     * {@code clock} is Nudge's notion of now; Quartz counts in real time, so each due instant is turned into "that
     * long from now" on the system clock. With the real clock the two are the same.
     */
    public QuartzTimer(PollService polls, ScheduleDispatcher dispatcher, java.time.Clock clock) {
        this(polls, dispatcher, null, clock);
    }

    /** As above, also timing action item reminders ({@code actions} may be null when there are none). */
    public QuartzTimer(PollService polls, ScheduleDispatcher dispatcher, ActionService actions, java.time.Clock clock) {
        this.clock = clock;
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", "nudge");
        properties.setProperty("org.quartz.threadPool.threadCount", "4");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        properties.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        try {
            scheduler = new StdSchedulerFactory(properties).getScheduler();
            scheduler.setJobFactory(new Jobs(polls, dispatcher, actions, this));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz could not start: " + e.getMessage(), e);
        }
    }

    public void start() {
        try {
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz could not start: " + e.getMessage(), e);
        }
    }

    @Override
    public void closeAt(long pollId, Instant at) {
        once(IdJob.class, POLLS, pollId, at, "id", pollId);
    }

    @Override
    public void cancel(long pollId) {
        remove(POLLS, pollId);
    }

    @Override
    public void arm(long scheduleId, Instant at) {
        once(FireScheduleJob.class, SCHEDULES, scheduleId, at, "at", at.toEpochMilli());
    }

    @Override
    public void disarm(long scheduleId) {
        remove(SCHEDULES, scheduleId);
    }

    @Override
    public void remindAt(long occurrenceId, Instant at) {
        once(IdJob.class, REMINDERS, occurrenceId, at, "id", occurrenceId);
    }

    /**
     * Runs {@code task} every day at {@code at} in {@code zone} (the next such moment on Nudge's clock, then each day
     * after). Daylight saving is followed: 03:15 stays 03:15 local time; on a day that skips it, it runs when the gap
     * ends. A run that fails is logged and the next day's run is still set.
     */
    public void daily(String name, java.time.LocalTime at, java.time.ZoneId zone, Runnable task) {
        Daily entry = new Daily(at, zone, task);
        if (daily.putIfAbsent(name, entry) != null) {
            throw new IllegalStateException("daily task registered twice: " + name);
        }
        armDaily(name, entry);
    }

    private void armDaily(String name, Daily entry) {
        java.time.ZonedDateTime now = clock.instant().atZone(entry.zone());
        java.time.ZonedDateTime next = now.toLocalDate().atTime(entry.at()).atZone(entry.zone());
        if (!next.isAfter(now)) {
            next = now.toLocalDate().plusDays(1).atTime(entry.at()).atZone(entry.zone());
        }
        fireAt(JobBuilder.newJob(DailyJob.class).withIdentity(name, DAILY).build(), next.toInstant());
    }

    /** Runs one daily task, then sets tomorrow's run. */
    private void runDaily(String name) {
        Daily entry = daily.get(name);
        if (entry == null) {
            return;
        }
        try {
            entry.task().run();
        } catch (RuntimeException e) {
            log.error("Daily task {} failed; it runs again tomorrow", name, e);
        } finally {
            try {
                armDaily(name, entry);
            } catch (RuntimeException e) {
                log.error("Daily task {} could not be set for tomorrow", name, e);
            }
        }
    }

    @Override
    public void remindOwnerAt(long actionId, Instant at) {
        once(IdJob.class, ACTION_REMINDERS, actionId, at, "id", actionId);
    }

    @Override
    public void cancelReminder(long actionId) {
        remove(ACTION_REMINDERS, actionId);
    }

    /** One job firing once at {@code at} (at once if past), replacing any earlier one with the same id. */
    private void once(Class<? extends Job> type, String group, long id, Instant at, String dataKey, long dataValue) {
        fireAt(JobBuilder.newJob(type).withIdentity(String.valueOf(id), group)
                .usingJobData("id", id).usingJobData(dataKey, dataValue).build(), at);
    }

    /** Sets {@code job} to fire once at {@code at} on Nudge's clock (at once if past), replacing an earlier one. */
    private void fireAt(JobDetail job, Instant at) {
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(job.getKey().getName(), job.getKey().getGroup())
                .startAt(Date.from(Instant.now().plus(java.time.Duration.between(clock.instant(), at))))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            scheduler.scheduleJob(job, java.util.Set.of(trigger), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not set the " + job.getKey().getGroup() + " timer "
                    + job.getKey().getName(), e);
        }
    }

    private void remove(String group, long id) {
        try {
            scheduler.unscheduleJob(TriggerKey.triggerKey(String.valueOf(id), group));
            scheduler.deleteJob(JobKey.jobKey(String.valueOf(id), group));
        } catch (SchedulerException e) {
            log.warn("Could not cancel the {} timer for {}: {}", group, id, e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            log.warn("Quartz did not stop cleanly: {}", e.getMessage());
        }
    }

    /** Sends a schedule's due occurrence and arms the next one. */
    static final class FireScheduleJob implements Job {
        private final ScheduleDispatcher dispatcher;

        FireScheduleJob(ScheduleDispatcher dispatcher) {
            this.dispatcher = dispatcher;
        }

        @Override
        public void execute(org.quartz.JobExecutionContext context) {
            long scheduleId = context.getMergedJobDataMap().getLong("id");
            Instant at = Instant.ofEpochMilli(context.getMergedJobDataMap().getLong("at"));
            try {
                dispatcher.fire(scheduleId, at);
            } catch (RuntimeException e) {
                log.error("Schedule {} failed to fire for {}", scheduleId, at, e);
            }
        }
    }

    /**
     * Runs the work of one kind (closing a poll, a prompt's follow-up, an owner's reminder) for the id it was set
     * for; a failure is logged and does not stop the timer.
     */
    static final class IdJob implements Job {
        private final String what;
        private final java.util.function.LongConsumer work;

        IdJob(String what, java.util.function.LongConsumer work) {
            this.what = what;
            this.work = work;
        }

        @Override
        public void execute(org.quartz.JobExecutionContext context) {
            long id = context.getMergedJobDataMap().getLong("id");
            try {
                work.accept(id);
            } catch (RuntimeException e) {
                log.error("Timed {} for {} failed", what, id, e);
            }
        }
    }

    /** Runs a daily task by name. */
    static final class DailyJob implements Job {
        private final QuartzTimer timer;

        DailyJob(QuartzTimer timer) {
            this.timer = timer;
        }

        @Override
        public void execute(org.quartz.JobExecutionContext context) {
            timer.runDaily(context.getJobDetail().getKey().getName());
        }
    }

    /** Builds jobs with their collaborators instead of Quartz's no-argument constructor and statics. */
    private record Jobs(PollService polls, ScheduleDispatcher dispatcher, ActionService actions, QuartzTimer timer)
            implements JobFactory {
        @Override
        public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
            Class<? extends Job> type = bundle.getJobDetail().getJobClass();
            String group = bundle.getJobDetail().getKey().getGroup();
            if (type == IdJob.class && POLLS.equals(group)) {
                return new IdJob("poll close", id -> polls.closeNow(id, null));
            }
            if (type == FireScheduleJob.class) {
                return new FireScheduleJob(dispatcher);
            }
            if (type == IdJob.class && REMINDERS.equals(group)) {
                return new IdJob("prompt follow-up", dispatcher::remind);
            }
            if (type == DailyJob.class) {
                return new DailyJob(timer);
            }
            if (type == IdJob.class && ACTION_REMINDERS.equals(group) && actions != null) {
                return new IdJob("action reminder", actions::remind);
            }
            throw new SchedulerException("no factory for job " + type.getName());
        }
    }
}
