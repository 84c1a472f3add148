package dev.nudge.chat;

/** What the platform adapter should do after a click was handled (and acknowledged). */
public sealed interface ActionResult {
    ActionResult NOTHING = new Nothing();

    /** Nothing more to show: the click's effect is visible elsewhere (an updated message). */
    record Nothing() implements ActionResult {}

    /** Show a message to the clicking user only. */
    record Private(ChatMessage message) implements ActionResult {}

    /** Open a form for the clicking user. */
    record OpenForm(Form form) implements ActionResult {}
}
