package dev.nudge.web.admin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The admin edge changes schedules only through the schedule service, so its rules (cap, channel check) hold. */
class AdminArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.nudge");

    @Test
    void admin_code_does_not_reach_into_storage_slack_or_the_schedule_repository() {
        noClasses().that().resideInAPackage("dev.nudge.web.admin..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.nudge.storage..", "dev.nudge.slack..",
                        "java.sql..", "javax.sql..", "com.slack..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.nudge.schedules.ScheduleRepository")
                .check(MAIN);
    }
}
