package dev.nudge.prompts;

import dev.nudge.chat.ChatMessage;
import dev.nudge.principles.Principle;
import java.util.List;

/** How a prompt looks in the channel. */
final class PromptCard {
    private PromptCard() {}

    static ChatMessage open(Prompt prompt, Principle principle, AnswerCounts counts) {
        String tally = counts.total() == 0 ? "No answers yet - be the first."
                : counts.total() + (counts.total() == 1 ? " answer" : " answers") + ": " + counts.yes() + " Yes, "
                + counts.partly() + " Partly, " + counts.notYet() + " Not yet"
                + (counts.notes() == 0 ? "" : " · " + counts.notes() + (counts.notes() == 1 ? " note" : " notes"));
        String id = String.valueOf(prompt.id());
        return ChatMessage.builder(prompt.question() + " (" + principle.title() + ")")
                .header(prompt.question())
                .context("Principle " + principle.numberedTitle() + ": " + principle.meaning())
                .buttons(List.of(
                        new ChatMessage.Button(PromptService.ANSWER_ACTION, id + ":" + Answer.YES.id(), Answer.YES.label(),
                                ChatMessage.Style.PRIMARY),
                        new ChatMessage.Button(PromptService.ANSWER_ACTION, id + ":" + Answer.PARTLY.id(), Answer.PARTLY.label()),
                        new ChatMessage.Button(PromptService.ANSWER_ACTION, id + ":" + Answer.NOT_YET.id(), Answer.NOT_YET.label()),
                        new ChatMessage.Button(PromptService.NOTE_ACTION, id, "Add a note")))
                .context(tally)
                .build();
    }
}
