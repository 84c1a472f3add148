package dev.nudge.principles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nudge.chat.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackLoaderTest {
    /** A valid two-principle pack; the second principle starts on line 11. */
    private static final String TEAM = """
            name: team
            title: Our team pack
            principles:
              - key: kind
                title: Be kind
                meaning: Assume good intent.
                prompts:
                  - Did you thank someone this week?
                  - Did you ask for help when stuck?
                poll: How kind were we this week?
              - key: ship
                title: Ship often
                meaning: Small steps, shipped early.
                prompts:
                  - Did we ship something this week?
                  - Did we learn from what we shipped?
                poll: How often did we ship this week?
            """;

    @TempDir
    Path folder;

    private final PackLoader loader = new PackLoader();

    private Path write(String fileName, String content) throws IOException {
        return Files.writeString(folder.resolve(fileName), content);
    }

    private static PrinciplePack nhs(Map<String, PrinciplePack> packs) {
        assertThat(packs).containsKey("nhs");
        return packs.get("nhs");
    }

    @Test
    void the_shipped_nhs_pack_loads_with_eight_principles_of_two_to_four_prompts() {
        PrinciplePack pack = nhs(loader.load(folder.resolve("missing")));

        assertThat(pack.title()).contains("NHS");
        assertThat(pack.principles()).hasSize(8);
        assertThat(pack.principles()).allSatisfy(p -> assertThat(p.prompts()).hasSizeBetween(2, 4));
        assertThat(pack.principles()).extracting(Principle::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(pack.keys()).doesNotHaveDuplicates();
    }

    @Test
    void principle_3_of_the_nhs_pack_is_measure() {
        Principle three = nhs(loader.load(folder)).number(3);

        assertThat(three.key()).isEqualTo("measure");
        assertThat(three.numberedTitle()).isEqualTo("3. Test, measure and learn");
        assertThat(three.prompts()).contains("Have you measured this week?");
        assertThat(three.pollQuestion()).isNotBlank();
        assertThat(three.evidenceQuestion()).isNotBlank();
    }

    @Test
    void a_principle_is_found_by_number_key_or_a_word_of_its_title() {
        PrinciplePack pack = nhs(loader.load(folder));

        assertThat(pack.find("3").key()).isEqualTo("measure");
        assertThat(pack.find("measure").number()).isEqualTo(3);
        assertThat(pack.find(" MEASURE ").number()).isEqualTo(3);
        assertThat(pack.find("suppliers").key()).isEqualTo("suppliers");
        assertThat(pack.find("wrong plan").key()).isEqualTo("change");
    }

    @Test
    void an_unknown_principle_number_is_refused_naming_the_valid_range() {
        PrinciplePack pack = nhs(loader.load(folder));

        assertThatThrownBy(() -> pack.find("9")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("no principle 9").hasMessageContaining("1 to 8");
        assertThatThrownBy(() -> pack.find("0")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("1 to 8");
    }

    @Test
    void an_unknown_principle_word_is_refused_naming_the_range_and_the_keys() {
        PrinciplePack pack = nhs(loader.load(folder));

        assertThatThrownBy(() -> pack.find("zzz")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("'zzz'").hasMessageContaining("1 to 8")
                .hasMessageContaining("needs, goals, measure, horizon, team, suppliers, trust, change");
    }

    @Test
    void a_word_matching_several_principles_is_refused_listing_the_candidates() {
        PrinciplePack pack = nhs(loader.load(folder));

        assertThatThrownBy(() -> pack.find("deliver")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("more than one").hasMessageContaining("1 (needs)");
    }

    @Test
    void a_valid_extra_pack_in_the_folder_is_loaded_alongside_nhs() throws IOException {
        write("team.yml", TEAM);

        Map<String, PrinciplePack> packs = loader.load(folder);

        assertThat(packs).containsOnlyKeys("nhs", "team");
        PrinciplePack team = packs.get("team");
        assertThat(team.title()).isEqualTo("Our team pack");
        assertThat(team.keys()).containsExactly("kind", "ship");
        assertThat(team.find("2").prompts()).containsExactly("Did we ship something this week?",
                "Did we learn from what we shipped?");
        assertThat(team.find("kind").evidenceQuestion()).as("default evidence question").isNotBlank();
        assertThat(nhs(packs).principles()).hasSize(8);
    }

    @Test
    void a_pack_named_nhs_in_the_folder_replaces_the_built_in_one() throws IOException {
        write("my-nhs.yaml", TEAM.replace("name: team", "name: nhs").replace("Our team pack", "Our own NHS pack"));

        PrinciplePack pack = nhs(loader.load(folder));

        assertThat(pack.title()).isEqualTo("Our own NHS pack");
        assertThat(pack.keys()).containsExactly("kind", "ship");
    }

    @Test
    void files_that_are_not_yaml_are_ignored() throws IOException {
        write("notes.txt", "this is not a pack");

        assertThat(loader.load(folder)).containsOnlyKeys("nhs");
    }

    @Test
    void broken_yaml_syntax_is_refused_with_the_file_name_and_line() throws IOException {
        // line 6: an unquoted colon followed by a space is YAML syntax, not text
        write("broken.yml", TEAM.replace("meaning: Assume good intent.", "meaning: Note: assume good intent."));

        assertThatThrownBy(() -> loader.load(folder)).isInstanceOf(PackFileException.class)
                .hasMessageContaining("broken.yml").hasMessageContaining("line 6:");
    }

    @Test
    void an_unknown_top_level_field_is_refused_with_its_name_and_line() throws IOException {
        write("extra.yml", TEAM.replace("title: Our team pack\n", "title: Our team pack\ncolour: blue\n"));

        assertThatThrownBy(() -> loader.load(folder)).isInstanceOf(PackFileException.class)
                .hasMessageContaining("extra.yml").hasMessageContaining("line 3:").hasMessageContaining("'colour'");
    }

    @Test
    void an_unknown_field_inside_a_principle_is_refused_at_the_line_the_principle_starts() throws IOException {
        write("owner.yml", TEAM.replace("    title: Ship often\n", "    title: Ship often\n    owner: Sam\n"));

        assertThatThrownBy(() -> loader.load(folder)).isInstanceOf(PackFileException.class)
                .hasMessageContaining("owner.yml").hasMessageContaining("line 11:").hasMessageContaining("'owner'");
    }

    @Test
    void a_principle_without_a_meaning_is_refused_at_the_line_the_principle_starts() throws IOException {
        write("meaning.yml", TEAM.replace("    meaning: Small steps, shipped early.\n", ""));

        assertThatThrownBy(() -> loader.load(folder)).isInstanceOf(PackFileException.class)
                .hasMessageContaining("meaning.yml").hasMessageContaining("line 11:")
                .hasMessageContaining("principle 2 'meaning' is missing");
    }

    @Test
    void a_principle_with_one_prompt_is_refused_at_the_line_the_principle_starts() throws IOException {
        write("prompts.yml", TEAM.replace("      - Did we learn from what we shipped?\n", ""));

        assertThatThrownBy(() -> loader.load(folder)).isInstanceOf(PackFileException.class)
                .hasMessageContaining("prompts.yml").hasMessageContaining("line 11:")
                .hasMessageContaining("2 to 4").hasMessageContaining("found 1");
    }

    @Test
    void a_principle_with_five_prompts_is_refused_at_the_line_the_principle_starts() throws IOException {
        write("five.yml", TEAM.replace("      - Did we learn from what we shipped?\n",
                "      - Did we learn from what we shipped?\n      - Three?\n      - Four?\n      - Five?\n"));

        assertThatThrownBy(() -> loader.load(folder)).isInstanceOf(PackFileException.class)
                .hasMessageContaining("five.yml").hasMessageContaining("line 11:").hasMessageContaining("found 5");
    }

    @Test
    void a_repeated_principle_key_is_refused_at_the_line_of_the_repeat() throws IOException {
        write("dupe.yml", TEAM.replace("key: ship", "key: kind"));

        assertThatThrownBy(() -> loader.load(folder)).isInstanceOf(PackFileException.class)
                .hasMessageContaining("dupe.yml").hasMessageContaining("line 11:").hasMessageContaining("'kind'");
    }

    @Test
    void a_problem_in_the_first_principle_names_its_own_line() throws IOException {
        write("first.yml", TEAM.replace("    meaning: Assume good intent.\n", ""));

        assertThatThrownBy(() -> loader.load(folder)).isInstanceOf(PackFileException.class)
                .hasMessageContaining("first.yml").hasMessageContaining("line 4:")
                .hasMessageContaining("principle 1 'meaning'");
    }

    @Test
    void an_empty_pack_file_is_refused_with_its_name() throws IOException {
        write("empty.yml", "");

        assertThatThrownBy(() -> loader.load(folder)).isInstanceOf(PackFileException.class)
                .hasMessageContaining("empty.yml");
    }

    @Test
    void a_pack_name_with_capitals_is_refused() throws IOException {
        write("caps.yml", TEAM.replace("name: team", "name: Team"));

        assertThatThrownBy(() -> loader.load(folder)).isInstanceOf(PackFileException.class)
                .hasMessageContaining("caps.yml").hasMessageContaining("lower-case");
    }

    @Test
    void a_tab_used_for_indentation_is_reported_at_its_own_line() throws IOException {
        // line 5 is indented with a tab, which YAML forbids
        write("tab.yml", TEAM.replace("    title: Be kind\n", "\ttitle: Be kind\n"));

        assertThatThrownBy(() -> loader.load(folder)).isInstanceOf(PackFileException.class)
                .hasMessageContaining("tab.yml line 5:");
    }
}
