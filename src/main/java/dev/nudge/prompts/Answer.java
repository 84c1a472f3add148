package dev.nudge.prompts;

import dev.nudge.chat.UserInputException;

/** The one-click answers to a prompt. */
public enum Answer {
    YES("yes", "Yes"), PARTLY("partly", "Partly"), NOT_YET("not_yet", "Not yet");

    private final String id;
    private final String label;

    Answer(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static Answer fromId(String id) {
        for (Answer answer : values()) {
            if (answer.id.equals(id)) {
                return answer;
            }
        }
        throw new UserInputException("That answer is not one Nudge knows. Please click Yes, Partly or Not yet.");
    }
}
