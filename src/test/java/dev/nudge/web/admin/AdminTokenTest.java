package dev.nudge.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminTokenTest {
    @Test
    void only_the_exact_token_matches() {
        AdminToken token = new AdminToken(Optional.of("s3cret-token"));

        assertThat(token.enabled()).isTrue();
        assertThat(token.matches("s3cret-token")).isTrue();
        assertThat(token.matches("s3cret-toke")).isFalse();
        assertThat(token.matches("s3cret-token ")).isFalse();
        assertThat(token.matches("")).isFalse();
        assertThat(token.matches(null)).isFalse();
        assertThat(token.toString()).doesNotContain("s3cret");
    }

    @Test
    void without_a_token_admin_is_off_and_nothing_matches() {
        for (Optional<String> none : java.util.List.of(Optional.<String>empty(), Optional.of(" "))) {
            AdminToken token = new AdminToken(none);
            assertThat(token.enabled()).isFalse();
            assertThat(token.matches("")).isFalse();
            assertThat(token.matches(" ")).isFalse();
        }
    }
}
