package dev.nudge.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nudge.testing.MovableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdminSessionsTest {
    private final MovableClock clock = new MovableClock();
    private final AdminSessions sessions = new AdminSessions(clock, Duration.ofHours(8));

    @Test
    void a_session_lasts_its_lifetime_and_is_then_forgotten() {
        AdminSessions.Session session = sessions.start();
        clock.advance(Duration.ofHours(7).plusMinutes(59));
        assertThat(sessions.find(session.id())).contains(session);

        clock.advance(Duration.ofMinutes(2));
        assertThat(sessions.find(session.id())).isEmpty();
        assertThat(sessions.size()).isZero();
    }

    @Test
    void ids_and_csrf_tokens_are_long_random_and_different_per_session() {
        AdminSessions.Session first = sessions.start();
        AdminSessions.Session second = sessions.start();

        assertThat(first.id()).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(second.id()).isNotEqualTo(first.csrf());
        assertThat(first.csrf()).isNotEqualTo(second.csrf());
        assertThat(first.csrfMatches(first.csrf())).isTrue();
        assertThat(first.csrfMatches(second.csrf())).isFalse();
        assertThat(first.csrfMatches(null)).isFalse();
        assertThat(sessions.find(null)).isEmpty();
        assertThat(sessions.find("")).isEmpty();
    }

    @Test
    void the_number_of_sessions_kept_is_capped() {
        for (int i = 0; i < AdminSessions.MAX_SESSIONS + 50; i++) {
            sessions.start();
        }
        assertThat(sessions.size()).isEqualTo(AdminSessions.MAX_SESSIONS);
    }

    @Test
    void ending_a_session_forgets_it() {
        AdminSessions.Session session = sessions.start();
        sessions.end(session.id());
        assertThat(sessions.find(session.id())).isEmpty();
    }
}
