package dev.nudge.schedules;

import dev.nudge.chat.ChatDeliveryException;
import dev.nudge.chat.ChatGateways;
import dev.nudge.chat.ConversationRef;
import dev.nudge.chat.UserInputException;
import dev.nudge.principles.ChannelPacks;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules for managing schedules: who may create and change them, the cap per channel, that the bot can post in
 * the channel and that the rule fires at all. Stored schedules are armed on the timer at once.
 */
public final class ScheduleService {
    private final ScheduleRepository schedules;
    private final RuleEvaluator rules;
    private final ScheduleDescriber describer;
    private final ChatGateways gateways;
    private final ChannelPacks packs;
    private final dev.nudge.chat.Roles roles;
    private final Set<String> leads;
    private final int maxPerChannel;
    private final Clock clock;
    private ScheduleTimer timer;

    public ScheduleService(ScheduleRepository schedules, RuleEvaluator rules, ScheduleDescriber describer,
                           ChatGateways gateways, ChannelPacks packs, List<String> admins, List<String> leads,
                           int maxPerChannel, Clock clock) {
        this.schedules = schedules;
        this.rules = rules;
        this.describer = describer;
        this.gateways = gateways;
        this.packs = packs;
        this.leads = Set.copyOf(leads);
        this.roles = new dev.nudge.chat.Roles(admins, leads, gateways);
        this.maxPerChannel = maxPerChannel;
        this.clock = clock;
    }

    /** The timer and the dispatcher need each other; the composition root connects them once at start. */
    public void useTimer(ScheduleTimer timer) {
        this.timer = timer;
    }

    public Schedule create(ConversationRef where, Actor actor, ScheduleRequest request) {
        if (!canCreate(where, actor)) {
            throw new UserInputException("Only schedule leads and admins can create schedules here. Ask one of them,"
                    + " or an admin can add you to NUDGE_LEADS.");
        }
        if (!rules.firesEver(request.rule())) {
            throw new UserInputException("That schedule would never send anything: every time it comes round is a"
                    + " weekend or a holiday. Add `weekends` or pick other days.");
        }
        request.action().principle().ifPresent(principle -> packs.forChannel(where).find(principle));
        if (schedules.countInChannel(where) >= maxPerChannel) {
            throw new UserInputException("This channel already has " + maxPerChannel + " schedules, the most allowed."
                    + " Delete one first (`schedule delete <id>`).");
        }
        requireBotCanPost(where);
        Schedule schedule = schedules.create(where, request, actor.userId(), clock.instant());
        arm(schedule);
        return schedule;
    }

    public List<Schedule> list(ConversationRef where) {
        return schedules.inChannel(where);
    }

    public List<Schedule> all() {
        return schedules.all();
    }

    public Schedule find(long id) {
        return schedules.find(id).orElseThrow(() -> new UserInputException("There is no schedule " + id + "."));
    }

    /** In chat a schedule is only reachable from its own channel; the admin API passes no channel. */
    public Schedule find(long id, Optional<ConversationRef> channel) {
        Schedule schedule = find(id);
        if (channel.isPresent() && !schedule.where().equals(channel.get())) {
            throw new UserInputException("Schedule " + id + " belongs to another channel. `schedule list` shows this"
                    + " channel's schedules.");
        }
        return schedule;
    }

    public Schedule pause(long id, Optional<ConversationRef> channel, Actor actor) {
        Schedule schedule = managed(id, channel, actor);
        schedules.setState(id, Schedule.State.PAUSED, clock.instant());
        if (timer != null) {
            timer.disarm(id);
        }
        return find(id);
    }

    public Schedule resume(long id, Optional<ConversationRef> channel, Actor actor) {
        managed(id, channel, actor);
        schedules.setState(id, Schedule.State.ACTIVE, clock.instant());
        Schedule resumed = find(id);
        arm(resumed);
        return resumed;
    }

    public void delete(long id, Optional<ConversationRef> channel, Actor actor) {
        managed(id, channel, actor);
        if (timer != null) {
            timer.disarm(id);
        }
        schedules.delete(id);
    }

    /** The next time it will send something (skipping weekends and holidays), if it is active. */
    public Optional<Occurrence> nextRun(Schedule schedule) {
        if (!schedule.active()) {
            return Optional.empty();
        }
        Instant after = clock.instant().isAfter(schedule.checkpointAt()) ? clock.instant() : schedule.checkpointAt();
        return rules.nextToSend(schedule.rule(), after);
    }

    public Optional<OccurrenceRecord> lastResult(Schedule schedule) {
        List<OccurrenceRecord> recent = schedules.recent(schedule.id(), 1);
        return recent.isEmpty() ? Optional.empty() : Optional.of(recent.get(0));
    }

    public List<OccurrenceRecord> history(Schedule schedule, int limit) {
        return schedules.recent(schedule.id(), limit);
    }

    /** Plain words: when it runs, the next time, what it skips. */
    public String describe(Schedule schedule) {
        return describer.describe(schedule.rule(), !schedule.active());
    }

    public String describe(ScheduleRule rule) {
        return describer.describe(rule);
    }

    private void arm(Schedule schedule) {
        if (timer != null && schedule.active()) {
            Instant after = clock.instant().isAfter(schedule.checkpointAt()) ? clock.instant() : schedule.checkpointAt();
            timer.arm(schedule.id(), rules.next(schedule.rule(), after).at());
        }
    }

    private Schedule managed(long id, Optional<ConversationRef> channel, Actor actor) {
        Schedule schedule = find(id, channel);
        boolean allowed = actor.admin() || schedule.createdBy().equals(actor.userId()) || leads.contains(actor.userId())
                || isAdmin(schedule.where(), actor.userId());
        if (!allowed) {
            throw new UserInputException("Only the person who created schedule " + id + ", a schedule lead or an admin"
                    + " can change it.");
        }
        return schedule;
    }

    private boolean canCreate(ConversationRef where, Actor actor) {
        return actor.admin() || leads.isEmpty() || leads.contains(actor.userId()) || isAdmin(where, actor.userId());
    }

    private boolean isAdmin(ConversationRef where, String userId) {
        return roles.isAdmin(where, userId);
    }

    private void requireBotCanPost(ConversationRef where) {
        boolean canPost;
        try {
            canPost = gateways.forConversation(where).canPost(where);
        } catch (ChatDeliveryException e) {
            throw new UserInputException("I can't see that channel (" + e.getMessage() + "). Invite me to it first.");
        }
        if (!canPost) {
            throw new UserInputException("I'm not in that channel. Add me to it (in Slack: `/invite @Nudge`), then set the"
                    + " schedule again.");
        }
    }
}
