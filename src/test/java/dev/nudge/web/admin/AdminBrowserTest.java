package dev.nudge.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nudge.testing.Browser;
import dev.nudge.testing.FakeSlack;
import dev.nudge.testing.TestNudge;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The admin pages in a real headless Chromium: sign in with the token, pause a schedule, and axe on each page. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminBrowserTest {
    @TempDir
    static Path dir;
    static FakeSlack slack;
    static TestNudge nudge;
    static AdminHttp http;
    static Browser browser;
    static String base;

    @BeforeAll
    static void start() {
        slack = new FakeSlack();
        nudge = new TestNudge(dir, slack);
        http = new AdminHttp(nudge.port());
        base = "http://127.0.0.1:" + nudge.port();
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        nudge.close();
        slack.close();
    }

    @Test
    @Order(0)
    void the_accessibility_check_does_fail_on_a_serious_problem() {
        browser.open("data:text/html,<!DOCTYPE html><html lang=en><title>t</title><main><img src=x.png>"
                + "<p style='color:%23bbb;background:%23fff'>faint text</p></main></html>");

        assertThatThrownBy(() -> browser.assertAccessible("a broken page")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("[critical] image-alt").hasMessageContaining("[serious] color-contrast")
                .hasMessageContaining("at img");
    }

    @Test
    @Order(1)
    void a_wrong_token_shows_an_error_and_the_sign_in_page_passes_axe() {
        browser.open(base + "/admin/schedules");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/admin/login");
        browser.assertAccessible("the sign-in page");

        browser.find("#token").sendKeys("not-the-token");
        browser.find("form[action='/admin/login'] button[type=submit]").click();

        assertThat(browser.find("[role=alert]").getText()).contains("That is not the admin token");
        browser.assertAccessible("the sign-in page with an error");
    }

    @Test
    @Order(2)
    void signing_in_and_pausing_a_schedule_changes_it_and_the_page_says_so() {
        AdminHttp.Reply created = http.api("POST", "/api/v1/schedules", "{\"platform\": \"slack\", \"workspace_id\":"
                + " \"T1\", \"channel_id\": \"C1\", \"frequency\": \"weekly\", \"days\": [\"mon\"], \"time\": \"09:30\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();

        browser.open(base + "/admin/login");
        browser.find("#token").sendKeys(AdminHttp.TOKEN);
        browser.find("form[action='/admin/login'] button[type=submit]").click();
        assertThat(browser.driver().getCurrentUrl()).endsWith("/admin/schedules");
        assertThat(browser.find("h1").getText()).isEqualTo("Reminder schedules");
        assertThat(browser.find("table").getText()).contains("Slack channel C1", "Active");
        browser.assertAccessible("the schedules page");

        browser.find("form[action='/admin/schedules/" + id + "/pause'] button").click();

        assertThat(browser.find("[role=status]").getText()).isEqualTo("Schedule " + id + " is paused.");
        assertThat(browser.find("table").getText()).contains("Paused", "None while paused");
        assertThat(nudge.query("SELECT state FROM schedules WHERE id = ?", id)).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("state", "paused"));
        browser.assertAccessible("the schedules page after pausing");
    }
}
