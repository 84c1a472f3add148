package dev.nudge.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.Entity;
import com.microsoft.bot.schema.Mention;
import dev.nudge.chat.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** People @mentioned in Teams commands reach the command registry as <@id>; cards mention them the Teams way. */
class TeamsMentionTest {

    private static Activity message(String text, Mention... mentions) {
        Activity activity = Activity.createMessageActivity();
        activity.setText(text);
        activity.setRecipient(new ChannelAccount("28:bot", "Nudge"));
        List<Entity> entities = new ArrayList<>();
        Mention bot = new Mention();
        bot.setMentioned(new ChannelAccount("28:bot", "Nudge"));
        bot.setText("<at>Nudge</at>");
        entities.add(entity(bot));
        for (Mention mention : mentions) {
            entities.add(entity(mention));
        }
        activity.setEntities(entities);
        return activity;
    }

    private static Entity entity(Mention mention) {
        Entity entity = new Entity();
        entity.setAs(mention);
        return entity;
    }

    private static Mention person(String id, String name) {
        Mention mention = new Mention();
        mention.setMentioned(new ChannelAccount(id, name));
        mention.setText("<at>" + name + "</at>");
        return mention;
    }

    @Test
    void other_peoples_mentions_become_neutral_mentions_and_the_bots_is_removed() {
        Activity activity = message("<at>Nudge</at> action &quot;Fix &amp; ship&quot; <at>Alex Owner</at> due 2026-12-12",
                person("29:alex", "Alex Owner"));

        assertThat(TeamsBot.commandText(activity, mentioned -> mentioned.getId().replace("29:", "aad-")))
                .isEqualTo("action \"Fix & ship\"  <@aad-alex>  due 2026-12-12");
        assertThat(TeamsBot.commandText(activity)).isEqualTo("action \"Fix & ship\"   due 2026-12-12");
    }

    @Test
    void a_mentioned_channel_or_tag_is_not_a_person() {
        Activity activity = message("<at>Nudge</at> action \"x\" <at>General</at> due 2026-12-12",
                person("19:general@thread.tacv2", "General"));

        assertThat(TeamsBot.commandText(activity, mentioned -> mentioned.getId())).doesNotContain("<@");
    }

    @Test
    void a_known_person_is_drawn_as_an_at_mention_with_its_entity_and_an_unknown_one_in_words() {
        TeamsPeople people = new TeamsPeople();
        people.remember("aad-alex", "Alex Owner");
        AdaptiveCardRenderer renderer = new AdaptiveCardRenderer(people);

        ObjectNode card = renderer.card(ChatMessage.builder("x").text("New action for " + ChatMessage.mention("aad-alex")
                + " and " + ChatMessage.mention("aad-kim") + " in " + ChatMessage.channel("19:c")).build(), null);

        assertThat(card.findValue("text").asText())
                .isEqualTo("New action for <at>Alex Owner</at> and a teammate in the channel");
        assertThat(card.path("msteams").path("entities").toString()).isEqualTo(
                "[{\"type\":\"mention\",\"text\":\"<at>Alex Owner</at>\",\"mentioned\":{\"id\":\"aad-alex\","
                        + "\"name\":\"Alex Owner\"}}]");
        assertThat(AdaptiveCardRenderer.fallback(ChatMessage.text("For " + ChatMessage.mention("aad-alex"))))
                .isEqualTo("For a teammate");
    }
}
