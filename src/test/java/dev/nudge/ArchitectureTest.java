package dev.nudge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Features stay free of platform, web, scheduler and JDBC types, so Teams and schedules slot in without a rewrite. */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.nudge");

    @Test
    void features_and_the_chat_model_do_not_depend_on_slack_teams_javalin_quartz_or_jdbc() {
        noClasses().that().resideInAnyPackage("dev.nudge.chat..", "dev.nudge.commands..", "dev.nudge.principles..",
                        "dev.nudge.prompts..", "dev.nudge.polls..", "dev.nudge.channels..", "dev.nudge.actions..",
                        "dev.nudge.reports..", "dev.nudge.retention..")
                .should().dependOnClassesThat().resideInAnyPackage("com.slack..", "com.microsoft..", "io.javalin..",
                        "org.quartz..", "java.sql..", "javax.sql..", "com.zaxxer..", "org.flywaydb..", "dev.nudge.slack..",
                        "dev.nudge.teams..", "dev.nudge.storage..", "dev.nudge.web..", "dev.nudge.scheduling..")
                .check(MAIN);
    }

    @Test
    void retros_do_not_depend_on_slack_teams_javalin_quartz_or_jdbc() {
        noClasses().that().resideInAPackage("dev.nudge.retros..")
                .should().dependOnClassesThat().resideInAnyPackage("com.slack..", "com.microsoft..", "io.javalin..",
                        "org.quartz..", "java.sql..", "javax.sql..", "com.zaxxer..", "org.flywaydb..", "dev.nudge.slack..",
                        "dev.nudge.teams..", "dev.nudge.storage..", "dev.nudge.web..", "dev.nudge.scheduling..")
                .check(MAIN);
    }

    @Test
    void slack_code_does_not_reach_into_storage_except_for_delivery_deduplication() {
        noClasses().that().resideInAPackage("dev.nudge.slack..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "com.zaxxer..", "org.flywaydb..")
                .check(MAIN);
    }

    @Test
    void teams_code_does_not_reach_into_sql_and_slack_and_teams_do_not_know_each_other() {
        noClasses().that().resideInAPackage("dev.nudge.teams..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "com.zaxxer..", "org.flywaydb..",
                        "com.slack..", "dev.nudge.slack..")
                .check(MAIN);
        noClasses().that().resideInAPackage("dev.nudge.slack..")
                .should().dependOnClassesThat().resideInAnyPackage("com.microsoft..", "dev.nudge.teams..")
                .check(MAIN);
    }

    @Test
    void storage_holds_no_bot_framework_types() {
        noClasses().that().resideInAPackage("dev.nudge.storage..")
                .should().dependOnClassesThat().resideInAnyPackage("com.microsoft..", "com.slack..", "dev.nudge.teams..")
                .check(MAIN);
    }
}
