package dev.nudge.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PrivacyRuleTest {
    private final PrivacyRule rule = new PrivacyRule(3);

    @Test
    void two_respondents_are_not_enough_and_no_value_or_spread_is_kept() {
        ScoreGroup group = new ScoreGroup();
        group.add("u:U1", 5);
        group.add("u:U2", 1);
        Score score = group.score(rule);
        assertThat(score.status()).isEqualTo(Score.Status.NOT_ENOUGH);
        assertThat(score.mean()).isNull();
        assertThat(score.min()).isNull();
        assertThat(score.max()).isNull();
        assertThat(score.text()).isEqualTo("not enough answers");
    }

    @Test
    void three_respondents_show_the_mean_and_spread_of_every_value() {
        ScoreGroup group = new ScoreGroup();
        group.add("u:U1", 5);
        group.add("u:U1", 3); // the same person twice: two values, one respondent
        group.add("u:U2", 1);
        group.add("v:7", 4);
        Score score = group.score(rule);
        assertThat(score.status()).isEqualTo(Score.Status.SHOWN);
        assertThat(score.respondents()).isEqualTo(3);
        assertThat(score.mean()).isEqualTo(13 / 4.0);
        assertThat(score.min()).isEqualTo(1.0);
        assertThat(score.max()).isEqualTo(5.0);
        assertThat(score.text()).isEqualTo("3.3");
    }

    @Test
    void many_answers_from_two_people_are_still_not_enough() {
        ScoreGroup group = new ScoreGroup();
        for (int i = 0; i < 20; i++) {
            group.add(i % 2 == 0 ? "u:U1" : "u:U2", 4);
        }
        assertThat(group.count()).isEqualTo(20);
        assertThat(group.score(rule).status()).isEqualTo(Score.Status.NOT_ENOUGH);
    }

    @Test
    void each_anonymous_vote_counts_as_one_respondent() {
        ScoreGroup group = new ScoreGroup();
        group.add("v:1", 2);
        group.add("v:2", 2);
        group.add("r:9", 5);
        assertThat(group.score(rule).status()).isEqualTo(Score.Status.SHOWN);
    }

    @Test
    void no_answers_is_no_data_not_a_zero() {
        Score score = new ScoreGroup().score(rule);
        assertThat(score.status()).isEqualTo(Score.Status.NO_DATA);
        assertThat(score.text()).isEqualTo("no answers");
    }

    @Test
    void a_higher_threshold_applies_and_one_below_3_is_refused() {
        PrivacyRule five = new PrivacyRule(5);
        assertThat(five.score(4, 4, 12, 1, 5).status()).isEqualTo(Score.Status.NOT_ENOUGH);
        assertThat(five.score(5, 5, 15, 1, 5).mean()).isEqualTo(3.0);
        assertThatThrownBy(() -> new PrivacyRule(2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void arrows_compare_the_means_as_shown_and_need_both_sides() {
        Score before = rule.score(3, 3, 9, 3, 3); // 3.0
        assertThat(Trend.between(before, rule.score(3, 3, 10, 3, 4))).isEqualTo(Trend.UP);     // 3.3
        assertThat(Trend.between(before, rule.score(3, 3, 8, 2, 3))).isEqualTo(Trend.DOWN);    // 2.7
        assertThat(Trend.between(before, rule.score(20, 20, 60, 1, 5))).isEqualTo(Trend.SAME); // 3.0
        assertThat(Trend.between(rule.score(2, 2, 10, 5, 5), rule.score(3, 3, 3, 1, 1))).isEqualTo(Trend.NONE);
        assertThat(Trend.between(Score.NONE, before)).isEqualTo(Trend.NONE);
        assertThat(rule.score(3, 3, 10, 3, 4).withTrend(Trend.UP).textWithTrend()).isEqualTo("3.3 ↑");
    }

    @Test
    void a_value_outside_1_to_5_is_a_bug_not_a_score() {
        assertThatThrownBy(() -> new ScoreGroup().add("u:U1", 6)).isInstanceOf(IllegalArgumentException.class);
    }
}
