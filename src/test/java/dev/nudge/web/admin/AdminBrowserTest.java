package dev.nudge.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nudge.testing.Browser;
import dev.nudge.testing.FakeSlack;
import dev.nudge.testing.TestNudge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin pages in a real headless Chromium against seeded report data: sign in with the token, see a team's
 * trend chart, the heatmap and open actions, download a CSV export, pause a schedule, and axe-core on every page.
 */
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
        ReportSeed.seed(nudge);
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
    void signing_in_shows_the_teams_and_a_team_report_draws_each_principle_over_time() {
        browser.open(base + "/admin/login");
        browser.find("#token").sendKeys(AdminHttp.TOKEN);
        browser.find("form[action='/admin/login'] button[type=submit]").click();

        assertThat(browser.driver().getCurrentUrl()).endsWith("/admin/reports");
        assertThat(browser.find("h1").getText()).isEqualTo("Team reports");
        assertThat(browser.find("table").getText()).contains(ReportSeed.ALPHA_NAME, ReportSeed.BETA_NAME,
                "8 of 9 people (89%)");
        browser.assertAccessible("the reports page");

        browser.driver().findElement(By.linkText(ReportSeed.ALPHA_NAME)).click();

        assertThat(browser.find("h1").getText()).contains(ReportSeed.ALPHA_NAME);
        WebElement chart = browser.find("#principle-1 svg[role=img]");
        assertThat(chart.isDisplayed()).isTrue();
        assertThat(chart.getAttribute("aria-labelledby")).isEqualTo("trend-1-title trend-1-desc");
        // Three weeks of answers from 4 people: three points joined by one line, at 2.0, 3.0 and 4.5.
        List<WebElement> points = chart.findElements(By.cssSelector("circle.nudge-point"));
        assertThat(points).hasSize(3);
        assertThat(points).extracting(point -> point.findElement(By.tagName("title")).getAttribute("textContent"))
                .anySatisfy(text -> assertThat(text).endsWith(": 2.0 from 4 people"))
                .anySatisfy(text -> assertThat(text).endsWith(": 4.5 from 4 people"));
        assertThat(chart.findElements(By.cssSelector("polyline.nudge-line"))).hasSize(1);
        double low = Double.parseDouble(points.get(0).getAttribute("cy"));
        double high = Double.parseDouble(points.get(2).getAttribute("cy"));
        assertThat(high).as("4.5 is drawn above 2.0").isLessThan(low);
        // Principle 2 had only 2 people: no point, and the table says why.
        assertThat(browser.findAll("#principle-2 circle.nudge-point")).isEmpty();
        assertThat(browser.find("#summary-table").getText()).contains("not enough answers");
        assertThat(browser.find("#participation").isDisplayed()).isTrue();
        browser.assertAccessible("a team report");
    }

    @Test
    @Order(3)
    void the_heatmap_and_the_actions_page_show_every_team_and_pass_axe() {
        browser.find("nav[aria-label=Menu] a[href='/admin/heatmap']").click();

        WebElement beta = browser.driver().findElement(By.xpath("//table[@id='heatmap']//tr[th/a[text()='"
                + ReportSeed.BETA_NAME + "']]"));
        assertThat(beta.findElements(By.tagName("td")).get(0).getText()).startsWith("5.0");
        assertThat(beta.findElements(By.tagName("td")).get(0).getCssValue("background-color"))
                .isEqualTo("rgba(163, 214, 166, 1)");
        browser.assertAccessible("the heatmap");

        new Select(browser.find("#range")).selectByValue("12w");
        browser.find("form.nudge-filters button").click();
        assertThat(browser.driver().getCurrentUrl()).contains("range=12w");
        assertThat(browser.find("main").getText()).contains("last 12 weeks");

        browser.find("nav[aria-label=Menu] a[href='/admin/actions']").click();
        assertThat(browser.find("#actions-table").getText()).contains(ReportSeed.ACTION, "Overdue");
        browser.assertAccessible("the actions page");
    }

    @Test
    @Order(4)
    void exporting_answers_downloads_a_csv_and_an_empty_range_says_there_is_nothing() throws Exception {
        browser.find("nav[aria-label=Menu] a[href='/admin/export']").click();
        browser.assertAccessible("the export page");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

        fillExport("kind-ratings", "2020-01-01", "2020-01-31");
        assertThat(browser.find(".nhsuk-error-summary").getText()).contains("nothing to export");
        browser.assertAccessible("the export page with an error");

        fillExport("kind-answers", today.minusDays(30).toString(), today.toString());
        Path file = browser.downloads().resolve("nudge-answers-" + today.minusDays(30) + "-to-" + today + ".csv");
        long deadline = System.currentTimeMillis() + 10_000;
        while (!Files.isRegularFile(file) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(file).as("the downloaded CSV").isRegularFile();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).startsWith("date,time,platform,workspace_id,channel_id,channel_name");
        assertThat(lines).filteredOn(line -> line.contains("C-ALPHA")).hasSize(17);
        assertThat(lines).filteredOn(line -> line.contains("C-BETA")).hasSize(3);
    }

    private static void fillExport(String kind, String from, String to) {
        browser.find("#" + kind).click();
        // Date inputs take typed digits in the browser's own order; setting the value is what a picker does.
        browser.driver().executeScript("document.getElementById('from').value = arguments[0];"
                + "document.getElementById('to').value = arguments[1];", from, to);
        browser.find("form[action='/admin/export'] button[type=submit]").click();
    }

    @Test
    @Order(5)
    void signing_in_and_pausing_a_schedule_changes_it_and_the_page_says_so() {
        AdminHttp.Reply created = http.api("POST", "/api/v1/schedules", "{\"platform\": \"slack\", \"workspace_id\":"
                + " \"T1\", \"channel_id\": \"C1\", \"frequency\": \"weekly\", \"days\": [\"mon\"], \"time\": \"09:30\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();

        browser.open(base + "/admin/reports");
        browser.find("nav[aria-label=Menu] a[href='/admin/schedules']").click();
        assertThat(browser.driver().getCurrentUrl()).endsWith("/admin/schedules");
        assertThat(browser.find("h1").getText()).isEqualTo("Reminder schedules");
        assertThat(browser.find("[aria-current=page]").getText()).isEqualTo("Schedules");
        // The NHS design system's styles and scripts come from the jar: its module script ran.
        assertThat(browser.find("body").getAttribute("class")).contains("nhsuk-frontend-supported");
        assertThat(browser.find(".nhsuk-header").getCssValue("background-color")).isEqualTo("rgba(0, 94, 184, 1)");
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
