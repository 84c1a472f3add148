package dev.nudge;

import dev.nudge.config.ConfigException;
import dev.nudge.config.NudgeConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret behind anonymous voter hashes: NUDGE_VOTER_KEY when set, otherwise a random key kept in a file beside
 * the database (owner-only permissions), created on first start. It is never stored in the database itself.
 */
final class VoterKeyFile {
    private VoterKeyFile() {}

    static byte[] load(NudgeConfig config) {
        if (config.voterKey().isPresent()) {
            byte[] key = config.voterKey().get().getBytes(StandardCharsets.UTF_8);
            if (key.length < 16) {
                throw new ConfigException("NUDGE_VOTER_KEY must be at least 16 characters");
            }
            return key;
        }
        Path file = config.database().toAbsolutePath().resolveSibling(
                config.database().getFileName() + ".voter-key");
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    Files.createFile(file);
                } catch (FileAlreadyExistsException e) {
                    return read(file);
                }
                Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
            }
            return read(file);
        } catch (IOException e) {
            throw new ConfigException("NUDGE_VOTER_KEY is not set and the key file " + file + " cannot be used: "
                    + e.getMessage(), e);
        }
    }

    private static byte[] read(Path file) throws IOException {
        byte[] key = Base64.getDecoder().decode(Files.readString(file).trim());
        if (key.length < 16) {
            throw new ConfigException("The voter key file " + file + " is damaged (too short); restore it from backup");
        }
        return key;
    }
}
