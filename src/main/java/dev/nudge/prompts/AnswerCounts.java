package dev.nudge.prompts;

/** How many people gave each answer to a prompt, and how many notes were added. */
public record AnswerCounts(int yes, int partly, int notYet, int notes) {
    public int total() {
        return yes + partly + notYet;
    }
}
