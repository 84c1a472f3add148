package dev.nudge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Fills in a modal Nudge opened and submits it as Slack does: the view_submission state holds every input block of
 * the view, a static_select with its selected_option (null when left empty), a text input with its value.
 */
public final class SlackForms {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SlackForms() {}

    /** Submits {@code view} (from a views.open call) with {@code values} by input id; inputs not named stay empty. */
    public static SlackClient.Reply submit(SlackClient client, String user, JsonNode view, Map<String, String> values) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("type", "view_submission");
        payload.putObject("team").put("id", SlackClient.TEAM).put("domain", "test");
        payload.putObject("user").put("id", user).put("username", user.toLowerCase()).put("team_id", SlackClient.TEAM);
        payload.put("api_app_id", "A1");
        payload.put("token", "unused");
        payload.put("trigger_id", "1.2.3");
        ObjectNode submitted = payload.putObject("view");
        submitted.put("id", "V1").put("type", "modal").put("callback_id", view.path("callback_id").asText())
                .put("private_metadata", view.path("private_metadata").asText()).put("team_id", SlackClient.TEAM);
        ObjectNode state = submitted.putObject("state").putObject("values");
        for (JsonNode block : view.path("blocks")) {
            if (!"input".equals(block.path("type").asText())) {
                continue;
            }
            JsonNode element = block.path("element");
            String actionId = element.path("action_id").asText();
            ObjectNode input = state.putObject(block.path("block_id").asText()).putObject(actionId);
            String value = values.get(actionId);
            if ("static_select".equals(element.path("type").asText())) {
                input.put("type", "static_select");
                if (value == null) {
                    input.putNull("selected_option");
                } else {
                    ObjectNode option = input.putObject("selected_option");
                    option.putObject("text").put("type", "plain_text").put("text", value).put("emoji", true);
                    option.put("value", value);
                }
            } else {
                input.put("type", "plain_text_input");
                if (value == null) {
                    input.putNull("value");
                } else {
                    input.put("value", value);
                }
            }
        }
        return client.post("payload=" + SlackClient.encode(payload.toString()), "application/x-www-form-urlencoded");
    }

    /** The option values of the select with this action id in the view. */
    public static java.util.List<String> options(JsonNode view, String actionId) {
        for (JsonNode block : view.path("blocks")) {
            if (actionId.equals(block.path("element").path("action_id").asText())) {
                return block.path("element").path("options").findValuesAsText("value");
            }
        }
        throw new AssertionError("no input " + actionId + " in " + view);
    }
}
