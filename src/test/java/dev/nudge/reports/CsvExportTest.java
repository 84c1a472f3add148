package dev.nudge.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvExportTest {

    @Test
    void cells_a_spreadsheet_would_run_as_formulas_get_a_leading_quote() {
        assertThat(CsvExport.defuse("=1+1")).isEqualTo("'=1+1");
        assertThat(CsvExport.defuse("+44 20")).isEqualTo("'+44 20");
        assertThat(CsvExport.defuse("-2")).isEqualTo("'-2");
        assertThat(CsvExport.defuse("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvExport.defuse("\tx")).isEqualTo("'\tx");
        assertThat(CsvExport.defuse("\rx")).isEqualTo("'\rx");
    }

    @Test
    void ordinary_cells_are_left_alone() {
        assertThat(CsvExport.defuse("We measured 3 things")).isEqualTo("We measured 3 things");
        assertThat(CsvExport.defuse("a=b")).isEqualTo("a=b");
        assertThat(CsvExport.defuse("")).isEmpty();
        assertThat(CsvExport.defuse(null)).isEmpty();
    }

    @Test
    void every_kind_starts_with_when_and_where() {
        for (ExportKind kind : ExportKind.values()) {
            assertThat(CsvExport.columns(kind)).startsWith("date", "time", "platform", "workspace_id", "channel_id",
                    "channel_name").endsWith(kind == ExportKind.ANSWERS ? "score" : "user_id");
        }
    }
}
