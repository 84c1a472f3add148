package dev.nudge.polls;

import dev.nudge.chat.ActionInput;
import dev.nudge.chat.ActionResult;
import dev.nudge.chat.ChatDeliveryException;
import dev.nudge.chat.ChatGateways;
import dev.nudge.chat.ChatMessage;
import dev.nudge.chat.ConversationRef;
import dev.nudge.chat.Interactions;
import dev.nudge.chat.MessageRefresher;
import dev.nudge.chat.PrivateReply;
import dev.nudge.chat.UserInputException;
import dev.nudge.principles.ChannelPacks;
import dev.nudge.principles.Principle;
import dev.nudge.principles.PrinciplePack;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates polls, records votes, keeps the poll message current and closes polls by hand or on time. */
public final class PollService {
    public static final String VOTE_ACTION = "poll.vote";
    public static final String CLOSE_ACTION = "poll.close";
    static final List<String> SCALE = List.of("1", "2", "3", "4", "5");
    private static final Logger log = LoggerFactory.getLogger(PollService.class);

    private final PollRepository polls;
    private final ChannelPacks packs;
    private final ChatGateways gateways;
    private final MessageRefresher refresher;
    private final VoterKeys voterKeys;
    private final Set<String> admins;
    private final Clock clock;
    private final ZoneId zone;
    private PollCloser closer;

    public PollService(PollRepository polls, ChannelPacks packs, ChatGateways gateways, MessageRefresher refresher,
                       VoterKeys voterKeys, List<String> admins, Clock clock, ZoneId zone) {
        this.polls = polls;
        this.packs = packs;
        this.gateways = gateways;
        this.refresher = refresher;
        this.voterKeys = voterKeys;
        this.admins = Set.copyOf(admins);
        this.clock = clock;
        this.zone = zone;
    }

    public void register(Interactions interactions) {
        interactions.onAction(VOTE_ACTION, this::onVote);
        interactions.onAction(CLOSE_ACTION, this::onClose);
    }

    /** The scheduler and the service need each other; the composition root connects them once at start. */
    public void useCloser(PollCloser closer) {
        this.closer = closer;
    }

    /** Checks and builds what will be stored; throws {@link UserInputException} for a bad request. */
    public PollRepository.NewPoll prepare(ConversationRef where, String userId, PollRequest request) {
        if (request.isCustom()) {
            return new PollRepository.NewPoll(where, Poll.Kind.CUSTOM, null, null, request.question().orElseThrow(),
                    request.options(), request.anonymous(), request.hidden(), userId, clock.instant(),
                    request.closesAt().orElse(null));
        }
        PrinciplePack pack = packs.forChannel(where);
        Principle principle = request.principle().map(pack::find).orElseGet(() -> leastRecentlyPolled(where, pack));
        return new PollRepository.NewPoll(where, Poll.Kind.PRINCIPLE, pack.name(), principle.number(),
                principle.pollQuestion(), SCALE, request.anonymous(), request.hidden(), userId, clock.instant(),
                request.closesAt().orElse(null));
    }

    private Principle leastRecentlyPolled(ConversationRef where, PrinciplePack pack) {
        java.util.Map<Integer, Instant> last = polls.lastPolled(where, pack.name());
        return pack.principles().stream()
                .min(java.util.Comparator.comparing((Principle p) -> last.getOrDefault(p.number(), Instant.MIN))
                        .thenComparingInt(Principle::number))
                .orElseThrow();
    }

    /** Stores the poll and posts it; if the post fails, nothing is kept and the user is told why. */
    public Optional<Poll> start(PollRepository.NewPoll request, PrivateReply reply) {
        Poll poll = create(request);
        try {
            deliver(poll, null);
        } catch (ChatDeliveryException e) {
            polls.delete(poll.id());
            log.warn("Poll {} not posted in {}: {}", poll.id(), poll.where().channelId(), e.getMessage());
            reply.send(ChatMessage.text("I couldn't post the poll: " + e.getMessage()));
            return Optional.empty();
        }
        return polls.find(poll.id());
    }

    /** Stores a poll; nothing is posted yet. */
    public Poll create(PollRepository.NewPoll request) {
        return polls.create(request);
    }

    /** Posts a stored poll (tagged with {@code deliveryKey} when not null), remembers its message, starts its timer. */
    public String deliver(Poll poll, String deliveryKey) {
        String messageId = gateways.forConversation(poll.where()).post(poll.where(), null, card(poll), deliveryKey);
        attach(poll.id(), messageId);
        return messageId;
    }

    /** Records the message of a poll (also one found posted after a restart) and starts its close timer. */
    public void attach(long pollId, String messageId) {
        polls.attachMessage(pollId, messageId);
        Poll poll = polls.find(pollId).orElseThrow();
        if (poll.closesAt() != null && closer != null) {
            closer.closeAt(poll.id(), poll.closesAt());
        }
    }

    public Optional<Poll> find(long pollId) {
        return polls.find(pollId);
    }

    private ActionResult onVote(ActionInput input) {
        String[] parts = input.value().split(":", 2);
        if (parts.length != 2) {
            throw new UserInputException("That vote button is damaged. Please vote from a current poll.");
        }
        Poll poll = find(parts[0]);
        requireSameChannel(poll, input.where());
        int position = parsePosition(parts[1], poll);
        Instant now = clock.instant();
        if (!poll.acceptsVotesAt(now)) {
            if (!poll.isClosed()) {
                closeNow(poll.id(), null);
            }
            throw new PollClosedException();
        }
        String voterKey = voterKeys.keyFor(poll, input.userId());
        PollRepository.VoteOutcome outcome = polls.vote(poll.id(), voterKey, poll.anonymous() ? null : input.userId(),
                position, now);
        refresh(poll.id());
        if (poll.hidden() && outcome != PollRepository.VoteOutcome.UNCHANGED) {
            return new ActionResult.Private(ChatMessage.text("Your vote for *" + poll.options().get(position)
                    + "* is counted. Results are hidden until the poll closes."));
        }
        return ActionResult.NOTHING;
    }

    private ActionResult onClose(ActionInput input) {
        Poll poll = find(input.value());
        requireSameChannel(poll, input.where());
        if (poll.isClosed()) {
            throw new UserInputException("This poll is already closed.");
        }
        boolean allowed = poll.createdBy().equals(input.userId()) || admins.contains(input.userId())
                || gateways.forConversation(poll.where()).isWorkspaceAdmin(poll.where(), input.userId());
        if (!allowed) {
            throw new UserInputException("Only the person who started this poll, or an admin, can close it.");
        }
        closeNow(poll.id(), input.userId());
        return ActionResult.NOTHING;
    }

    /** Closes the poll (once), shows the final counts and posts the result in the thread. */
    public void closeNow(long pollId, String closedBy) {
        if (!polls.close(pollId, closedBy, clock.instant())) {
            return;
        }
        if (closer != null) {
            closer.cancel(pollId);
        }
        Poll poll = polls.find(pollId).orElseThrow();
        List<Integer> counts = polls.counts(pollId);
        refresh(pollId);
        if (poll.messageId() != null) {
            try {
                gateways.forConversation(poll.where()).post(poll.where(), poll.messageId(),
                        PollCard.result(poll, counts));
            } catch (ChatDeliveryException e) {
                log.warn("Result of poll {} not posted: {}", pollId, e.getMessage());
            }
        }
    }

    /** After a restart: close what closed while Nudge was down and schedule the rest. */
    public void resumeTimedPolls() {
        for (Poll poll : polls.openWithCloseTime()) {
            if (closer != null) {
                closer.closeAt(poll.id(), poll.closesAt());
            }
        }
    }

    public ChatMessage card(Poll poll) {
        return PollCard.render(poll, polls.counts(poll.id()), principleOf(poll), zone);
    }

    private Optional<Principle> principleOf(Poll poll) {
        if (poll.kind() != Poll.Kind.PRINCIPLE || poll.principleNumber() == null) {
            return Optional.empty();
        }
        PrinciplePack pack = packs.catalog().byNameOrDefault(poll.pack());
        return poll.principleNumber() <= pack.principles().size() ? Optional.of(pack.number(poll.principleNumber()))
                : Optional.empty();
    }

    private void refresh(long pollId) {
        refresher.request("poll:" + pollId, () -> polls.find(pollId).filter(p -> p.messageId() != null).ifPresent(
                p -> gateways.forConversation(p.where()).update(p.where(), p.messageId(), card(p))));
    }

    private Poll find(String rawId) {
        try {
            return polls.find(Long.parseLong(rawId)).orElseThrow(() -> new UserInputException(
                    "That poll no longer exists."));
        } catch (NumberFormatException e) {
            throw new UserInputException("That button does not point at a poll Nudge knows.");
        }
    }

    private static int parsePosition(String raw, Poll poll) {
        try {
            int position = Integer.parseInt(raw);
            if (position >= 0 && position < poll.options().size()) {
                return position;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new UserInputException("That option is not part of this poll.");
    }

    private static void requireSameChannel(Poll poll, ConversationRef where) {
        if (where != null && !poll.where().equals(where)) {
            throw new UserInputException("That poll belongs to another channel.");
        }
    }
}
