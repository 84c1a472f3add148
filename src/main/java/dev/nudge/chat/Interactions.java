package dev.nudge.chat;

import java.util.HashMap;
import java.util.Map;

/**
 * Routes clicks and form submissions to the feature that owns them, by action name and form id. Features register
 * their handlers at start; adapters call {@link #click} and {@link #submit}.
 */
public final class Interactions {

    @FunctionalInterface
    public interface ActionHandler {
        ActionResult handle(ActionInput input);
    }

    @FunctionalInterface
    public interface FormHandler {
        FormResult handle(FormSubmission submission);
    }

    private final Map<String, ActionHandler> actions = new HashMap<>();
    private final Map<String, FormHandler> forms = new HashMap<>();

    public void onAction(String action, ActionHandler handler) {
        if (actions.putIfAbsent(action, handler) != null) {
            throw new IllegalStateException("action registered twice: " + action);
        }
    }

    public void onForm(String formId, FormHandler handler) {
        if (forms.putIfAbsent(formId, handler) != null) {
            throw new IllegalStateException("form registered twice: " + formId);
        }
    }

    public boolean knowsAction(String action) {
        return actions.containsKey(action);
    }

    public ActionResult click(ActionInput input) {
        ActionHandler handler = actions.get(input.action());
        if (handler == null) {
            throw new UserInputException("That button is not one Nudge knows (" + input.action()
                    + "). It may come from an older version; try the command again.");
        }
        return handler.handle(input);
    }

    public FormResult submit(FormSubmission submission) {
        FormHandler handler = forms.get(submission.formId());
        if (handler == null) {
            throw new UserInputException("That form is not one Nudge knows. Please start again from the message.");
        }
        return handler.handle(submission);
    }
}
