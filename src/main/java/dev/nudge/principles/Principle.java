package dev.nudge.principles;

import java.util.List;
import java.util.Objects;

/** One principle of a pack, numbered from 1 in pack order. */
public record Principle(int number, String key, String title, String meaning, List<String> prompts, String pollQuestion,
                        String evidenceQuestion) {
    public Principle {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(pollQuestion, "pollQuestion");
        Objects.requireNonNull(evidenceQuestion, "evidenceQuestion");
        prompts = List.copyOf(prompts);
        if (number < 1) {
            throw new IllegalArgumentException("principle numbers start at 1");
        }
        if (prompts.size() < 2 || prompts.size() > 4) {
            throw new IllegalArgumentException("a principle needs 2 to 4 prompt questions");
        }
    }

    /** "3. Test, measure and learn" */
    public String numberedTitle() {
        return number + ". " + title;
    }
}
