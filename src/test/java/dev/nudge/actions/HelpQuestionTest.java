package dev.nudge.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nudge.principles.PackLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The did-it-help question reads as English for every principle of the shipped pack. */
class HelpQuestionTest {
    @Test
    void every_shipped_principle_reads_well_after_help_us() {
        assertThat(ActionService.afterHelpUs("Test, measure and learn")).isEqualTo("test, measure and learn");
        assertThat(ActionService.afterHelpUs("Don't stick to the wrong plan")).isEqualTo("not stick to the wrong plan");
        new PackLoader().load(Path.of("config/principles")).values().forEach(pack -> pack.principles().forEach(principle ->
                assertThat(ActionService.afterHelpUs(principle.title())).doesNotStartWith("Don't")
                        .matches("^[a-z].*")));
    }
}
