package dev.nudge.schedules;

import dev.nudge.chat.ChatDeliveryException;
import dev.nudge.chat.ChatGateway;
import dev.nudge.chat.ChatGateways;
import dev.nudge.chat.ConversationRef;
import dev.nudge.chat.UserInputException;
import dev.nudge.polls.Poll;
import dev.nudge.polls.PollRequest;
import dev.nudge.polls.PollService;
import dev.nudge.principles.Principle;
import dev.nudge.prompts.Prompt;
import dev.nudge.prompts.PromptService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what schedules are due to send, exactly once per occurrence. Each occurrence is first recorded (the
 * outbox: its key is schedule + instant, so a second fire finds it already there), then posted with that key as a
 * delivery tag, then marked sent. After a restart, a recorded-but-unsent occurrence is looked up on the platform:
 * found means it went out (mark it), not found means send it now. Occurrences missed while Nudge was down are sent
 * late within the grace period and recorded as missed beyond it.
 */
public final class ScheduleDispatcher {
    static final int MAX_ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(ScheduleDispatcher.class);

    private final ScheduleRepository schedules;
    private final RuleEvaluator rules;
    private final PromptService prompts;
    private final PollService polls;
    private final ChatGateways gateways;
    private final DeliveryQueue queue;
    private final Duration grace;
    private final Duration retryDelay;
    private final Clock clock;
    private ScheduleTimer timer;

    public ScheduleDispatcher(ScheduleRepository schedules, RuleEvaluator rules, PromptService prompts, PollService polls,
                              ChatGateways gateways, DeliveryQueue queue, Duration grace, Duration retryDelay, Clock clock) {
        this.schedules = schedules;
        this.rules = rules;
        this.prompts = prompts;
        this.polls = polls;
        this.gateways = gateways;
        this.queue = queue;
        this.grace = grace;
        this.retryDelay = retryDelay;
        this.clock = clock;
    }

    public void useTimer(ScheduleTimer timer) {
        this.timer = timer;
    }

    /** An occurrence of the schedule is due at {@code at}: record it, send it unless skipped, arm the next one. */
    public void fire(long scheduleId, Instant at) {
        Optional<Schedule> found = schedules.find(scheduleId);
        if (found.isEmpty() || !found.get().active()) {
            return;
        }
        Schedule schedule = found.get();
        Occurrence occurrence = rules.next(schedule.rule(), at.minusMillis(1));
        if (!occurrence.at().equals(at)) {
            // The rule changed or the timer drifted: this instant is not an occurrence; just arm the right one.
            arm(schedule, at.minusMillis(1));
            return;
        }
        record(schedule, occurrence, false);
        arm(schedule, at);
    }

    private void record(Schedule schedule, Occurrence occurrence, boolean missed) {
        Instant now = clock.instant();
        if (occurrence.skipped()) {
            schedules.record(schedule.id(), occurrence.at(), OccurrenceRecord.Status.SKIPPED,
                    occurrence.skipReason().orElseThrow(), now);
        } else if (missed) {
            schedules.record(schedule.id(), occurrence.at(), OccurrenceRecord.Status.MISSED,
                    "Nudge was not running at " + occurrence.at() + " and the grace period of " + grace.toMinutes()
                            + " minutes had passed", now);
            log.info("Schedule {} missed its occurrence at {} (more than the grace period ago)", schedule.id(),
                    occurrence.at());
        } else {
            schedules.record(schedule.id(), occurrence.at(), OccurrenceRecord.Status.CLAIMED, null, now)
                    .ifPresent(record -> enqueue(schedule, record.id(), Duration.ZERO));
        }
    }

    private void arm(Schedule schedule, Instant after) {
        if (timer != null) {
            timer.arm(schedule.id(), rules.next(schedule.rule(), after).at());
        }
    }

    private void enqueue(Schedule schedule, long occurrenceId, Duration delay) {
        ChatGateway gateway;
        try {
            gateway = gateways.forConversation(schedule.where());
        } catch (ChatDeliveryException e) {
            schedules.markAttemptFailed(occurrenceId, e.getMessage(), true, clock.instant());
            return;
        }
        queue.submit(schedule.where(), gateway.channelInterval(), delay, () -> deliver(occurrenceId));
    }

    /** Posts one claimed occurrence; on failure retries a bounded number of times, then records it as failed. */
    void deliver(long occurrenceId) {
        OccurrenceRecord occurrence = schedules.occurrence(occurrenceId).orElse(null);
        if (occurrence == null || occurrence.status() != OccurrenceRecord.Status.CLAIMED) {
            return;
        }
        Schedule schedule = schedules.find(occurrence.scheduleId()).orElse(null);
        if (schedule == null) {
            return;
        }
        try {
            String messageId = schedule.action().kind() == ScheduleAction.Kind.POLL
                    ? polls.deliver(pollFor(schedule, occurrence), occurrence.deliveryKey())
                    : prompts.deliver(promptFor(schedule, occurrence), occurrence.deliveryKey());
            markSent(schedule, occurrence, messageId);
        } catch (ChatDeliveryException e) {
            boolean last = occurrence.attempts() + 1 >= MAX_ATTEMPTS;
            schedules.markAttemptFailed(occurrenceId, e.getMessage(), last, clock.instant());
            log.warn("Schedule {} occurrence {} not delivered (attempt {} of {}): {}", schedule.id(), occurrence.scheduledAt(),
                    occurrence.attempts() + 1, MAX_ATTEMPTS, e.getMessage());
            if (!last) {
                enqueue(schedule, occurrenceId, retryDelay.multipliedBy(occurrence.attempts() + 1L));
            }
        } catch (UserInputException e) {
            schedules.markAttemptFailed(occurrenceId, e.getMessage(), true, clock.instant());
            log.warn("Schedule {} cannot send: {}", schedule.id(), e.getMessage());
        }
    }

    private Prompt promptFor(Schedule schedule, OccurrenceRecord occurrence) {
        if (occurrence.promptId() != null) {
            Optional<Prompt> existing = prompts.find(occurrence.promptId());
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        Principle principle = prompts.choosePrinciple(schedule.where(), schedule.action().principle());
        Prompt prompt = prompts.prepare(schedule.where(), principle, "schedule:" + schedule.id());
        schedules.linkPrompt(occurrence.id(), prompt.id(), clock.instant());
        return prompt;
    }

    private Poll pollFor(Schedule schedule, OccurrenceRecord occurrence) {
        if (occurrence.pollId() != null) {
            Optional<Poll> existing = polls.find(occurrence.pollId());
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        PollRequest request = new PollRequest(Optional.empty(), List.of(), schedule.action().principle(), false, false,
                Optional.of(clock.instant().plus(schedule.action().pollOpenFor())));
        Poll poll = polls.create(polls.prepare(schedule.where(), "schedule:" + schedule.id(), request));
        schedules.linkPoll(occurrence.id(), poll.id(), clock.instant());
        return poll;
    }

    private void markSent(Schedule schedule, OccurrenceRecord occurrence, String messageId) {
        Instant now = clock.instant();
        Instant remindAt = schedule.action().kind() == ScheduleAction.Kind.PROMPT
                ? schedule.action().remindAfter().map(now::plus).orElse(null) : null;
        schedules.markSent(occurrence.id(), messageId, now, remindAt);
        if (remindAt != null && timer != null) {
            timer.remindAt(occurrence.id(), remindAt);
        }
    }

    /** The follow-up for a prompt: sent at most once, saying how many answered, mentioning no one. */
    public void remind(long occurrenceId) {
        OccurrenceRecord occurrence = schedules.occurrence(occurrenceId).orElse(null);
        if (occurrence == null || occurrence.promptId() == null || !schedules.claimReminder(occurrenceId, clock.instant())) {
            return;
        }
        try {
            prompts.remind(occurrence.promptId(), occurrence.deliveryKey() + "-reminder");
        } catch (ChatDeliveryException e) {
            log.warn("Reminder for schedule occurrence {} not sent: {}", occurrenceId, e.getMessage());
        }
    }

    /**
     * After a start: finish what was recorded but not sent, catch up on occurrences missed while down (late within
     * the grace period, recorded as missed beyond it), re-arm reminders and every active schedule.
     */
    public void recover() {
        Instant now = clock.instant();
        for (OccurrenceRecord occurrence : schedules.claimed()) {
            schedules.find(occurrence.scheduleId()).ifPresent(schedule -> resume(schedule, occurrence));
        }
        for (Schedule schedule : schedules.active()) {
            try {
                for (Occurrence occurrence : rules.between(schedule.rule(), schedule.checkpointAt(), now)) {
                    boolean late = Duration.between(occurrence.at(), now).compareTo(grace) > 0;
                    record(schedule, occurrence, late);
                }
                arm(schedule, now);
            } catch (RuntimeException e) {
                // One broken schedule (say, its calendar file was removed) must not stop the others.
                log.error("Schedule {} could not be resumed: {}", schedule.id(), e.getMessage());
            }
        }
        for (OccurrenceRecord occurrence : schedules.remindersDue()) {
            if (timer != null) {
                timer.remindAt(occurrence.id(), occurrence.remindAt());
            }
        }
    }

    private void resume(Schedule schedule, OccurrenceRecord occurrence) {
        ChatGateway.Lookup lookup;
        try {
            lookup = gateways.forConversation(schedule.where()).findDelivered(schedule.where(), occurrence.deliveryKey(),
                    occurrence.scheduledAt().minus(Duration.ofMinutes(5)));
        } catch (ChatDeliveryException e) {
            log.warn("Could not check whether occurrence {} was delivered ({}); trying to send it", occurrence.id(),
                    e.getMessage());
            lookup = ChatGateway.Lookup.UNKNOWN;
        }
        if (lookup.state() == ChatGateway.Lookup.State.FOUND) {
            if (occurrence.promptId() != null) {
                prompts.attach(occurrence.promptId(), lookup.messageId());
            } else if (occurrence.pollId() != null) {
                polls.attach(occurrence.pollId(), lookup.messageId());
            }
            markSent(schedule, occurrence, lookup.messageId());
            log.info("Occurrence {} of schedule {} had been delivered before the restart; marked sent", occurrence.id(),
                    schedule.id());
            return;
        }
        Optional<String> alreadyAttached = occurrence.promptId() != null
                ? prompts.find(occurrence.promptId()).map(Prompt::messageId)
                : occurrence.pollId() != null ? polls.find(occurrence.pollId()).map(Poll::messageId) : Optional.empty();
        if (alreadyAttached.isPresent()) {
            markSent(schedule, occurrence, alreadyAttached.get());
            return;
        }
        enqueue(schedule, occurrence.id(), Duration.ZERO);
    }
}
