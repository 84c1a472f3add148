package dev.nudge.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nudge.testing.FakeTeams;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Teams app package: bot-manifests/teams/manifest.json validated against Microsoft's Teams manifest schema
 * offline (npm @microsoft/app-manifest, run with Node from src/test/node), the icons Teams requires, and the zip
 * that scripts/teams-package builds.
 */
class TeamsManifestTest {
    private static final Path MANIFEST = Path.of("bot-manifests/teams/manifest.json");
    private static final Path NODE_TOOLS = Path.of("src/test/node");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode manifest;

    @TempDir
    Path dir;

    @BeforeAll
    static void read_the_manifest_and_make_sure_the_validator_is_installed() throws Exception {
        manifest = JSON.readTree(MANIFEST.toFile());
        if (!Files.isDirectory(NODE_TOOLS.resolve("node_modules/@microsoft/app-manifest"))) {
            // scripts/test installs these first; a bare `mvn verify` on a fresh clone installs them here.
            Result install = run(NODE_TOOLS, "npm", "ci", "--no-audit", "--no-fund");
            assertThat(install.code()).as("npm ci in src/test/node failed:\n" + install.output()).isZero();
        }
    }

    record Result(int code, String output) {}

    private static Result run(Path workingDir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as(String.join(" ", command) + " timed out").isTrue();
        return new Result(process.exitValue(), output);
    }

    private static Result validate(Path file) throws Exception {
        return run(NODE_TOOLS, "node", "validate-manifest.js", file.toAbsolutePath().toString());
    }

    @Test
    void the_manifest_passes_the_teams_schema_offline() throws Exception {
        Result result = validate(MANIFEST);

        assertThat(result.code()).as(result.output()).isZero();
        assertThat(result.output()).contains("valid against https://developer.microsoft.com/json-schemas/teams/v1.22/");
    }

    @Test
    void the_validator_does_fail_on_a_schema_error() throws Exception {
        ObjectNode broken = manifest.deepCopy();
        broken.remove("accentColor");
        ((ObjectNode) broken.path("name")).put("short", "N".repeat(31));
        Path file = dir.resolve("manifest.json");
        Files.writeString(file, broken.toString());

        Result result = validate(file);

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.output()).contains("accentColor", "/name/short");
    }

    @Test
    void the_bot_is_offered_in_teams_chats_and_1_to_1_and_lists_exactly_the_commands_nudge_has() {
        assertThat(manifest.path("manifestVersion").asText()).isIn("1.22", "1.23");
        JsonNode bot = manifest.path("bots").get(0);
        assertThat(texts(bot.path("scopes"))).containsExactlyInAnyOrder("team", "personal", "groupChat");
        List<String> titles = new ArrayList<>();
        bot.path("commandLists").get(0).path("commands").forEach(command -> titles.add(command.path("title").asText()));
        // The same commands the help text lists (TeamsPromptJourneyTest checks that side).
        assertThat(titles).containsExactlyInAnyOrder("help", "principles", "ask", "poll", "pack", "schedule",
                "retro");
    }

    @Test
    void the_icons_are_a_192_pixel_colour_png_and_a_32_pixel_transparent_white_outline() throws IOException {
        BufferedImage color = ImageIO.read(MANIFEST.resolveSibling(manifest.path("icons").path("color").asText()).toFile());
        BufferedImage outline = ImageIO.read(MANIFEST.resolveSibling(manifest.path("icons").path("outline").asText()).toFile());

        assertThat(color.getWidth()).isEqualTo(192);
        assertThat(color.getHeight()).isEqualTo(192);
        assertThat(outline.getWidth()).isEqualTo(32);
        assertThat(outline.getHeight()).isEqualTo(32);
        boolean transparent = false;
        for (int x = 0; x < 32; x++) {
            for (int y = 0; y < 32; y++) {
                int argb = outline.getRGB(x, y);
                int alpha = argb >>> 24;
                transparent |= alpha == 0;
                if (alpha > 0) {
                    assertThat(argb & 0xFFFFFF).as("outline pixels are white").isEqualTo(0xFFFFFF);
                }
            }
        }
        assertThat(transparent).isTrue();
    }

    @Test
    void teams_package_builds_a_zip_with_the_app_id_and_host_filled_in_that_still_validates() throws Exception {
        Process process = new ProcessBuilder("bash", "scripts/teams-package", FakeTeams.APP_ID, "nudge.example.nhs.uk")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        Path zip = Path.of("target/teams/nudge-teams.zip");
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            file.stream().forEach(entry -> {
                try (InputStream in = file.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
        }
        assertThat(entries).containsOnlyKeys("manifest.json", "color.png", "outline.png");
        JsonNode packaged = JSON.readTree(entries.get("manifest.json"));
        assertThat(packaged.path("id").asText()).isEqualTo(FakeTeams.APP_ID);
        assertThat(packaged.path("bots").get(0).path("botId").asText()).isEqualTo(FakeTeams.APP_ID);
        assertThat(packaged.toString()).doesNotContain("YOUR-HOST", "00000000-0000").contains("https://nudge.example.nhs.uk/");
        Path unpacked = dir.resolve("manifest.json");
        Files.write(unpacked, entries.get("manifest.json"));
        assertThat(validate(unpacked).code()).isZero();
    }

    @Test
    void teams_package_refuses_an_app_id_that_is_not_a_guid() throws Exception {
        Process process = new ProcessBuilder("bash", "scripts/teams-package", "my-bot", "nudge.example.nhs.uk")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("Microsoft App ID (a GUID)");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
