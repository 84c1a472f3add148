package dev.nudge.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SlackSignatureTest {
    // Slack's published example: https://api.slack.com/authentication/verifying-requests-from-slack
    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final long TS = 1531420618L;
    private static final String BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
            + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J"
            + "%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private static final String SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static byte[] body() {
        return BODY.getBytes(StandardCharsets.UTF_8);
    }

    private static SlackSignature at(long epochSecond) {
        return new SlackSignature(SECRET, Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    @Test
    void the_published_example_body_is_362_bytes() {
        assertThat(body()).hasSize(362);
    }

    @Test
    void slacks_published_example_request_passes() {
        assertThat(at(TS).problem(Long.toString(TS), SIGNATURE, body())).isEmpty();
    }

    @Test
    void sign_reproduces_slacks_published_signature() {
        assertThat(at(TS).sign(Long.toString(TS), body())).isEqualTo(SIGNATURE);
    }

    @Test
    void the_same_body_one_second_later_has_a_different_signature() {
        SlackSignature signature = at(TS + 1);
        assertThat(signature.sign("1531420619", body()))
                .isEqualTo("v0=ffbf8ca586db401fa71716579fba59aea718787d68572406a7236da28a871144");
        assertThat(signature.problem("1531420619",
                "v0=ffbf8ca586db401fa71716579fba59aea718787d68572406a7236da28a871144", body())).isEmpty();
    }

    @Test
    void the_published_signature_fails_when_the_timestamp_header_is_changed() {
        assertThat(at(TS + 1).problem("1531420619", SIGNATURE, body())).contains("signature mismatch");
    }

    @Test
    void a_json_event_body_is_signed_the_same_way() {
        byte[] json = "{\"type\":\"url_verification\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\"}"
                .getBytes(StandardCharsets.UTF_8);
        String expected = "v0=2b617e8d1eba789c3e90a54b772adadfc772137987c87d3c1e4129005632e406";
        assertThat(at(TS).sign(Long.toString(TS), json)).isEqualTo(expected);
        assertThat(at(TS).problem(Long.toString(TS), expected, json)).isEmpty();
    }

    @Test
    void a_timestamp_300_seconds_old_is_accepted() {
        assertThat(at(TS + 300).problem(Long.toString(TS), SIGNATURE, body())).isEmpty();
    }

    @Test
    void a_timestamp_301_seconds_old_is_refused() {
        assertThat(at(TS + 301).problem(Long.toString(TS), SIGNATURE, body())).contains("stale or future timestamp");
    }

    @Test
    void a_timestamp_301_seconds_in_the_future_is_refused() {
        assertThat(at(TS - 301).problem(Long.toString(TS), SIGNATURE, body())).contains("stale or future timestamp");
    }

    @Test
    void a_v1_signature_is_refused_even_with_the_right_digest() {
        String v1 = "v1=" + SIGNATURE.substring(3);
        assertThat(at(TS).problem(Long.toString(TS), v1, body())).isPresent();
    }

    @Test
    void a_request_without_a_timestamp_header_is_refused() {
        assertThat(at(TS).problem(null, SIGNATURE, body())).contains("missing X-Slack-Request-Timestamp");
        assertThat(at(TS).problem("  ", SIGNATURE, body())).contains("missing X-Slack-Request-Timestamp");
    }

    @Test
    void a_request_without_a_signature_header_is_refused() {
        assertThat(at(TS).problem(Long.toString(TS), null, body())).contains("missing X-Slack-Signature");
        assertThat(at(TS).problem(Long.toString(TS), "", body())).contains("missing X-Slack-Signature");
    }

    @Test
    void a_non_numeric_timestamp_is_refused() {
        assertThat(at(TS).problem("1531420618abc", SIGNATURE, body())).contains("malformed timestamp");
    }

    @Test
    void a_tampered_body_is_refused() {
        byte[] tampered = BODY.replace("user_name=roadrunner", "user_name=coyote").getBytes(StandardCharsets.UTF_8);
        assertThat(at(TS).problem(Long.toString(TS), SIGNATURE, tampered)).contains("signature mismatch");
    }

    @Test
    void a_signature_made_with_another_secret_is_refused() {
        SlackSignature other = new SlackSignature("another-secret", Clock.fixed(Instant.ofEpochSecond(TS), ZoneOffset.UTC));
        String forged = other.sign(Long.toString(TS), body());
        assertThat(at(TS).problem(Long.toString(TS), forged, body())).contains("signature mismatch");
    }

    @Test
    void the_reason_for_a_refusal_never_contains_the_secret_or_the_expected_signature() {
        String reason = at(TS).problem(Long.toString(TS), "v0=" + "0".repeat(64), body()).orElseThrow();
        assertThat(reason).doesNotContain(SECRET).doesNotContain(SIGNATURE.substring(3));
    }

    @Test
    void an_empty_signing_secret_is_rejected_at_construction() {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(TS), ZoneOffset.UTC);
        assertThatThrownBy(() -> new SlackSignature("", clock)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("signing secret");
        assertThatThrownBy(() -> new SlackSignature(null, clock)).isInstanceOf(IllegalArgumentException.class);
    }
}
