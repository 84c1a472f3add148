package dev.nudge.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nudge.testing.FakeSlack;
import dev.nudge.testing.TestNudge;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a create request can be wrong: a 400 naming the field (null when it is not one field) and nothing
 * stored. One server serves every case, since none of them may change anything.
 */
class AdminApiValidationTest {
    @TempDir
    static Path dir;
    static FakeSlack slack;
    static TestNudge nudge;
    static AdminHttp http;

    @BeforeAll
    static void start() {
        slack = new FakeSlack();
        nudge = new TestNudge(dir, slack);
        http = new AdminHttp(nudge.port());
    }

    @AfterAll
    static void stop() {
        nudge.close();
        slack.close();
    }

    static Stream<Arguments> badRequests() {
        String base = "\"platform\": \"slack\", \"workspace_id\": \"T1\", \"channel_id\": \"C1\"";
        String weekly = base + ", \"frequency\": \"weekly\", \"days\": [\"mon\"], \"time\": \"09:30\"";
        return Stream.of(
                Arguments.of("malformed JSON", "{\"platform\": ", null),
                Arguments.of("a JSON list, not an object", "[]", null),
                Arguments.of("an empty body", "", null),
                Arguments.of("a field given twice", "{" + weekly + ", \"time\": \"10:00\"}", null),
                Arguments.of("trailing text after the object", "{" + weekly + "} x", null),
                Arguments.of("an unknown field", "{" + weekly + ", \"colour\": \"blue\"}", "colour"),
                Arguments.of("no platform", "{\"workspace_id\": \"T1\", \"channel_id\": \"C1\", \"frequency\": \"daily\","
                        + " \"time\": \"09:30\"}", "platform"),
                Arguments.of("an unknown platform", "{" + weekly.replace("\"slack\"", "\"irc\"") + "}", "platform"),
                // Teams always has its endpoint (local emulator use without credentials), so "teams" is a known
                // platform; a Teams conversation Nudge was never added to is refused on the channel instead.
                Arguments.of("a Teams conversation Nudge was never added to",
                        "{" + weekly.replace("\"slack\"", "\"teams\"") + "}", "channel_id"),
                Arguments.of("a platform that is not a string", "{" + weekly.replace("\"slack\"", "7") + "}",
                        "platform"),
                Arguments.of("no workspace", "{" + weekly.replace("\"workspace_id\": \"T1\", ", "") + "}",
                        "workspace_id"),
                Arguments.of("a channel id with a space", "{" + weekly.replace("\"C1\"", "\"C 1\"") + "}", "channel_id"),
                Arguments.of("an empty channel id", "{" + weekly.replace("\"C1\"", "\"\"") + "}", "channel_id"),
                Arguments.of("an unknown frequency", "{" + weekly.replace("weekly", "hourly") + "}", "frequency"),
                Arguments.of("a weekly schedule without days",
                        "{" + base + ", \"frequency\": \"weekly\", \"time\": \"09:30\"}", "days"),
                Arguments.of("an unknown day", "{" + weekly.replace("[\"mon\"]", "[\"mon\", \"funday\"]") + "}", "days"),
                Arguments.of("days as a string", "{" + weekly.replace("[\"mon\"]", "\"mon\"") + "}", "days"),
                Arguments.of("an empty list of days", "{" + weekly.replace("[\"mon\"]", "[]") + "}", "days"),
                Arguments.of("days on a daily schedule",
                        "{" + weekly.replace("\"weekly\"", "\"daily\"") + "}", "days"),
                Arguments.of("a time past midnight", "{" + weekly.replace("09:30", "25:00") + "}", "time"),
                Arguments.of("a time with a dot", "{" + weekly.replace("09:30", "9.30") + "}", "time"),
                Arguments.of("no time", "{" + weekly.replace(", \"time\": \"09:30\"", "") + "}", "time"),
                Arguments.of("an unknown time zone", "{" + weekly + ", \"time_zone\": \"Mars/Olympus\"}", "time_zone"),
                Arguments.of("an unknown calendar", "{" + weekly + ", \"calendar\": \"atlantis\"}", "calendar"),
                Arguments.of("include_weekends as a string", "{" + weekly + ", \"include_weekends\": \"yes\"}",
                        "include_weekends"),
                Arguments.of("an unknown action", "{" + weekly + ", \"action\": \"email\"}", "action"),
                Arguments.of("an unknown principle", "{" + weekly + ", \"principle\": \"zzz-no-such-principle\"}",
                        "principle"),
                Arguments.of("a principle number out of range", "{" + weekly + ", \"principle\": 99}", "principle"),
                Arguments.of("poll_open_minutes of zero", "{" + weekly + ", \"action\": \"poll\","
                        + " \"poll_open_minutes\": 0}", "poll_open_minutes"),
                Arguments.of("poll_open_minutes on a prompt", "{" + weekly + ", \"poll_open_minutes\": 60}",
                        "poll_open_minutes"),
                Arguments.of("a reminder too soon", "{" + weekly + ", \"remind_after_minutes\": 30}",
                        "remind_after_minutes"),
                Arguments.of("a reminder too late", "{" + weekly + ", \"remind_after_minutes\": 5000}",
                        "remind_after_minutes"),
                Arguments.of("a reminder that is not whole", "{" + weekly + ", \"remind_after_minutes\": 90.5}",
                        "remind_after_minutes"),
                Arguments.of("a reminder as a huge number", "{" + weekly + ", \"remind_after_minutes\": 1e400}",
                        "remind_after_minutes"),
                Arguments.of("a rule that never fires", "{" + weekly.replace("[\"mon\"]", "[\"sat\", \"sun\"]") + "}",
                        "days"));
    }

    @ParameterizedTest(name = "{0} is a 400 naming field {2}")
    @MethodSource("badRequests")
    void each_invalid_request_is_a_400_naming_the_field_and_nothing_is_stored(String what, String body, String field) {
        AdminHttp.Reply reply = http.api("POST", "/api/v1/schedules", body);

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        JsonNode error = reply.json();
        assertThat(error.has("field")).isTrue();
        if (field == null) {
            assertThat(error.path("field").isNull()).as(reply.body()).isTrue();
        } else {
            assertThat(error.path("field").asText()).as(reply.body()).isEqualTo(field);
        }
        assertThat(error.path("error").asText()).isNotBlank();
        assertThat(nudge.count("SELECT COUNT(*) FROM schedules")).isZero();
    }

}
