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
    private static final String ACTION_REMINDERS = "action-reminder";

    private final Scheduler scheduler;
    private final java.time.Clock clock;

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
            scheduler.setJobFactory(new Jobs(polls, dispatcher, actions));
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
        once(ClosePollJob.class, POLLS, pollId, at, "id", pollId);
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
        once(RemindJob.class, REMINDERS, occurrenceId, at, "id", occurrenceId);
    }

    @Override
    public void remindOwnerAt(long actionId, Instant at) {
        once(ActionReminderJob.class, ACTION_REMINDERS, actionId, at, "id", actionId);
    }

    @Override
    public void cancelReminder(long actionId) {
        remove(ACTION_REMINDERS, actionId);
    }

    /** One job firing once at {@code at} (at once if past), replacing any earlier one with the same id. */
    private void once(Class<? extends Job> type, String group, long id, Instant at, String dataKey, long dataValue) {
        JobDetail job = JobBuilder.newJob(type).withIdentity(String.valueOf(id), group)
                .usingJobData("id", id).usingJobData(dataKey, dataValue).build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(String.valueOf(id), group)
                .startAt(Date.from(Instant.now().plus(java.time.Duration.between(clock.instant(), at))))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            scheduler.scheduleJob(job, java.util.Set.of(trigger), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not set the " + group + " timer for " + id, e);
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

    /** Closes one poll when its time comes. */
    static final class ClosePollJob implements Job {
        private final PollService polls;

        ClosePollJob(PollService polls) {
            this.polls = polls;
        }

        @Override
        public void execute(org.quartz.JobExecutionContext context) {
            long pollId = context.getMergedJobDataMap().getLong("id");
            try {
                polls.closeNow(pollId, null);
            } catch (RuntimeException e) {
                log.error("Closing poll {} on time failed", pollId, e);
            }
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

    /** Sends the follow-up of one prompt occurrence. */
    static final class RemindJob implements Job {
        private final ScheduleDispatcher dispatcher;

        RemindJob(ScheduleDispatcher dispatcher) {
            this.dispatcher = dispatcher;
        }

        @Override
        public void execute(org.quartz.JobExecutionContext context) {
            long occurrenceId = context.getMergedJobDataMap().getLong("id");
            try {
                dispatcher.remind(occurrenceId);
            } catch (RuntimeException e) {
                log.error("Reminder for occurrence {} failed", occurrenceId, e);
            }
        }
    }

    /** Sends an action item's reminder to its owner. */
    static final class ActionReminderJob implements Job {
        private final ActionService actions;

        ActionReminderJob(ActionService actions) {
            this.actions = actions;
        }

        @Override
        public void execute(org.quartz.JobExecutionContext context) {
            long actionId = context.getMergedJobDataMap().getLong("id");
            try {
                actions.remind(actionId);
            } catch (RuntimeException e) {
                log.error("Reminder for action {} failed", actionId, e);
            }
        }
    }

    /** Builds jobs with their collaborators instead of Quartz's no-argument constructor and statics. */
    private record Jobs(PollService polls, ScheduleDispatcher dispatcher, ActionService actions) implements JobFactory {
        @Override
        public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
            Class<? extends Job> type = bundle.getJobDetail().getJobClass();
            if (type == ClosePollJob.class) {
                return new ClosePollJob(polls);
            }
            if (type == FireScheduleJob.class) {
                return new FireScheduleJob(dispatcher);
            }
            if (type == RemindJob.class) {
                return new RemindJob(dispatcher);
            }
            if (type == ActionReminderJob.class && actions != null) {
                return new ActionReminderJob(actions);
            }
            throw new SchedulerException("no factory for job " + type.getName());
        }
    }
}
