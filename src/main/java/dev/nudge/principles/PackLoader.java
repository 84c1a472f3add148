package dev.nudge.principles;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads principle packs from YAML: the packs shipped inside the jar, then every {@code *.yml} in the packs folder
 * (a file with the same pack name replaces the shipped one). Any problem stops start-up with file and line.
 */
public final class PackLoader {
    static final List<String> BUILT_IN = List.of("nhs");
    private static final int MAX_TITLE = 120;
    private static final int MAX_MEANING = 300;
    private static final int MAX_QUESTION = 200;

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public Map<String, PrinciplePack> load(Path folder) {
        Map<String, PrinciplePack> packs = new LinkedHashMap<>();
        for (String name : BUILT_IN) {
            String resource = "/config/principles/" + name + ".yml";
            try (InputStream in = PackLoader.class.getResourceAsStream(resource)) {
                if (in != null) {
                    PrinciplePack pack = parse("classpath:" + resource, in);
                    packs.put(pack.name(), pack);
                }
            } catch (IOException e) {
                throw new PackFileException("classpath:" + resource, 0, "cannot be read: " + e.getMessage());
            }
        }
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.{yml,yaml}")) {
                List<Path> sorted = new ArrayList<>();
                files.forEach(sorted::add);
                sorted.sort(null);
                for (Path file : sorted) {
                    try (InputStream in = Files.newInputStream(file)) {
                        PrinciplePack pack = parse(file.toString(), in);
                        packs.put(pack.name(), pack);
                    }
                }
            } catch (IOException e) {
                throw new PackFileException(folder.toString(), 0, "cannot be read: " + e.getMessage());
            }
        }
        return packs;
    }

    PrinciplePack parse(String file, InputStream in) {
        PackFile raw;
        try {
            raw = yaml.readValue(in, PackFile.class);
        } catch (UnrecognizedPropertyException e) {
            throw new PackFileException(file, line(e.getLocation()), "unknown field '" + e.getPropertyName()
                    + "'. Known fields: " + e.getKnownPropertyIds());
        } catch (JsonProcessingException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof EntryProblem problem) {
                    throw new PackFileException(file, problem.line, problem.getMessage());
                }
                if (cause instanceof org.yaml.snakeyaml.error.MarkedYAMLException yamlError
                        && yamlError.getProblemMark() != null) {
                    // The YAML parser knows where the problem is; Jackson's location is the last good token.
                    throw new PackFileException(file, yamlError.getProblemMark().getLine() + 1, yamlError.getProblem());
                }
            }
            throw new PackFileException(file, line(e.getLocation()), e.getOriginalMessage());
        } catch (IOException e) {
            throw new PackFileException(file, 0, "cannot be read: " + e.getMessage());
        }
        if (raw == null) {
            throw new PackFileException(file, 1, "the file is empty");
        }
        return validate(file, raw);
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : location.getLineNr();
    }

    private PrinciplePack validate(String file, PackFile raw) {
        requireText(file, 1, "name", raw.name, 40);
        if (!raw.name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new PackFileException(file, 1, "name must be lower-case letters, digits and dashes, e.g. 'nhs'");
        }
        requireText(file, 1, "title", raw.title, MAX_TITLE);
        if (raw.principles == null || raw.principles.isEmpty()) {
            throw new PackFileException(file, 1, "a pack needs a 'principles' list with at least one principle");
        }
        if (raw.principles.size() > 30) {
            throw new PackFileException(file, 1, "a pack can hold at most 30 principles");
        }
        List<Principle> principles = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < raw.principles.size(); i++) {
            PrincipleEntry entry = raw.principles.get(i);
            int line = entry.line;
            String where = "principle " + (i + 1);
            requireText(file, line, where + " 'key'", entry.key, 20);
            if (!entry.key.matches("[a-z][a-z0-9-]*")) {
                throw new PackFileException(file, line, where + " key '" + entry.key
                        + "' must be one lower-case word (letters, digits, dashes)");
            }
            if (!keys.add(entry.key)) {
                throw new PackFileException(file, line, where + " repeats the key '" + entry.key + "'");
            }
            requireText(file, line, where + " 'title'", entry.title, MAX_TITLE);
            requireText(file, line, where + " 'meaning'", entry.meaning, MAX_MEANING);
            requireText(file, line, where + " 'poll'", entry.poll, MAX_QUESTION);
            if (entry.prompts == null || entry.prompts.size() < 2 || entry.prompts.size() > 4) {
                throw new PackFileException(file, line, where + " needs 2 to 4 'prompts' (questions), found "
                        + (entry.prompts == null ? 0 : entry.prompts.size()));
            }
            for (String prompt : entry.prompts) {
                requireText(file, line, where + " prompt", prompt, MAX_QUESTION);
            }
            String evidence = entry.evidence == null || entry.evidence.isBlank()
                    ? "What did you do? A link is welcome." : entry.evidence.trim();
            principles.add(new Principle(i + 1, entry.key, entry.title.trim(), entry.meaning.trim(),
                    entry.prompts.stream().map(String::trim).toList(), entry.poll.trim(), evidence));
        }
        return new PrinciplePack(raw.name, raw.title.trim(), principles);
    }

    private static void requireText(String file, int line, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new PackFileException(file, line, field + " is missing or empty");
        }
        if (value.length() > max) {
            throw new PackFileException(file, line, field + " is " + value.length() + " characters; at most " + max);
        }
    }

    /** The file as written. */
    static final class PackFile {
        public String name;
        public String title;
        public List<PrincipleEntry> principles;
    }

    /** One principle as written, with the line it starts on for error messages. */
    @JsonDeserialize(using = PrincipleEntryReader.class)
    static final class PrincipleEntry {
        int line;
        public String key;
        public String title;
        public String meaning;
        public List<String> prompts;
        public String poll;
        public String evidence;
    }

    /** A problem inside one principle, carrying the line the principle starts on. */
    static final class EntryProblem extends RuntimeException {
        final int line;

        EntryProblem(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    static final class PrincipleEntryReader extends JsonDeserializer<PrincipleEntry> {
        private static final Set<String> FIELDS = Set.of("key", "title", "meaning", "prompts", "poll", "evidence");

        @Override
        public PrincipleEntry deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            int line = parser.currentLocation().getLineNr();
            JsonNode node = parser.readValueAsTree();
            if (node == null || !node.isObject()) {
                throw new EntryProblem(line, "each principle must be a map with key, title, meaning, prompts and poll");
            }
            PrincipleEntry entry = new PrincipleEntry();
            entry.line = line;
            for (var names = node.fieldNames(); names.hasNext(); ) {
                String field = names.next();
                if (!FIELDS.contains(field)) {
                    throw new EntryProblem(line, "unknown field '" + field + "' in a principle. Known fields: "
                            + String.join(", ", new java.util.TreeSet<>(FIELDS)));
                }
            }
            entry.key = text(node, "key");
            entry.title = text(node, "title");
            entry.meaning = text(node, "meaning");
            entry.poll = text(node, "poll");
            entry.evidence = text(node, "evidence");
            JsonNode prompts = node.get("prompts");
            if (prompts != null && prompts.isArray()) {
                entry.prompts = new ArrayList<>();
                prompts.forEach(p -> entry.prompts.add(p.asText()));
            }
            return entry;
        }

        private static String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() ? null : value.asText();
        }
    }
}
