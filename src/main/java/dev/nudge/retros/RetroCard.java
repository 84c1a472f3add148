package dev.nudge.retros;

import dev.nudge.chat.ChatMessage;
import java.util.List;
import java.util.OptionalInt;

/**
 * How the retro message looks: the action items to review, how many have answered (never who), and the buttons.
 * A message may hold 50 Slack blocks; each reviewed item takes two, so at most {@value #MAX_REVIEWED} are listed.
 */
final class RetroCard {
    static final int MAX_REVIEWED = 15;

    /** One open action item as the card shows it: a line of text and its review buttons. */
    record ReviewLine(String text, List<ChatMessage.Button> buttons) {}

    private RetroCard() {}

    static ChatMessage render(Retro retro, int respondents, OptionalInt members, List<ReviewLine> review,
                              String prefix) {
        String progress = progress(respondents, members);
        if (retro.isClosed()) {
            return ChatMessage.builder("Retro closed: " + progress)
                    .header("Retro (closed)")
                    .text("This retro has closed. " + capitalised(progress) + ". The summary is in the thread.")
                    .context(privacyLine(retro))
                    .build();
        }
        ChatMessage.Builder card = ChatMessage.builder("Retro: " + progress).header("Retro")
                .context(privacyLine(retro))
                .divider()
                .text("*Did we do these?*");
        if (review.isEmpty()) {
            card.text("No open action items from earlier retros.");
        }
        for (ReviewLine line : review.subList(0, Math.min(review.size(), MAX_REVIEWED))) {
            card.text(line.text()).buttons(line.buttons());
        }
        if (review.size() > MAX_REVIEWED) {
            card.context("…and " + (review.size() - MAX_REVIEWED) + " more open action items, due later: `" + prefix
                    + " actions` lists them all.");
        }
        return card.divider()
                .text("*How well did we live our principles this sprint?*\nRate each one from 1 (not at all) to 5"
                        + " (fully); skip any you can't judge. Add notes on what helped or what got in the way.")
                .text("*" + capitalised(progress) + "*")
                .buttons(List.of(new ChatMessage.Button(RetroService.RATE_ACTION, String.valueOf(retro.id()),
                                "Rate the principles", ChatMessage.Style.PRIMARY),
                        new ChatMessage.Button(RetroService.NOTE_ACTION, String.valueOf(retro.id()), "Add a note"),
                        new ChatMessage.Button(RetroService.CLOSE_ACTION, String.valueOf(retro.id()), "Close retro",
                                ChatMessage.Style.DANGER)))
                .context("You can rate again to change your ratings until the retro closes. The person who started"
                        + " it or an admin closes it here or with `" + prefix + " retro close`.")
                .build();
    }

    /** "6 of 9 have answered", or "6 have answered" when the channel's size is unknown. */
    static String progress(int respondents, OptionalInt members) {
        String verb = respondents == 1 ? " has answered" : " have answered";
        if (members.isPresent() && members.getAsInt() >= respondents && members.getAsInt() > 0) {
            return respondents + " of " + members.getAsInt() + verb;
        }
        return (respondents == 0 ? "nobody" : String.valueOf(respondents)) + (respondents == 0 ? " has answered yet"
                : verb);
    }

    static String privacyLine(Retro retro) {
        return retro.anonymous()
                ? "Anonymous: Nudge never stores who gave which rating or note, and this cannot be changed."
                : "Named: Nudge stores who gave each rating and note, and the summary shows names with notes. This"
                + " cannot be changed.";
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
