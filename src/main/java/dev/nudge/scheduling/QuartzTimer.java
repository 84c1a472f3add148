package dev.nudge.scheduling;

import dev.nudge.polls.PollCloser;
import dev.nudge.polls.PollService;
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
public final class QuartzTimer implements PollCloser, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(QuartzTimer.class);
    private static final String POLLS = "poll-close";

    private final Scheduler scheduler;

    public QuartzTimer(PollService polls) {
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", "nudge");
        properties.setProperty("org.quartz.threadPool.threadCount", "2");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        properties.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        try {
            scheduler = new StdSchedulerFactory(properties).getScheduler();
            scheduler.setJobFactory(new Jobs(polls));
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
        JobDetail job = JobBuilder.newJob(ClosePollJob.class).withIdentity(String.valueOf(pollId), POLLS)
                .usingJobData("pollId", pollId).build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(String.valueOf(pollId), POLLS)
                .startAt(Date.from(at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            scheduler.scheduleJob(job, java.util.Set.of(trigger), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not schedule the close of poll " + pollId, e);
        }
    }

    @Override
    public void cancel(long pollId) {
        try {
            scheduler.unscheduleJob(TriggerKey.triggerKey(String.valueOf(pollId), POLLS));
            scheduler.deleteJob(JobKey.jobKey(String.valueOf(pollId), POLLS));
        } catch (SchedulerException e) {
            log.warn("Could not cancel the close timer of poll {}: {}", pollId, e.getMessage());
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
            long pollId = context.getMergedJobDataMap().getLong("pollId");
            try {
                polls.closeNow(pollId, null);
            } catch (RuntimeException e) {
                log.error("Closing poll {} on time failed", pollId, e);
            }
        }
    }

    /** Builds jobs with their collaborators instead of Quartz's no-argument constructor and statics. */
    private record Jobs(PollService polls) implements JobFactory {
        @Override
        public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
            Class<? extends Job> type = bundle.getJobDetail().getJobClass();
            if (type == ClosePollJob.class) {
                return new ClosePollJob(polls);
            }
            throw new SchedulerException("no factory for job " + type.getName());
        }
    }
}
