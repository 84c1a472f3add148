package dev.nudge;

import dev.nudge.config.ConfigException;
import dev.nudge.config.ConfigLoader;
import dev.nudge.config.NudgeConfig;
import dev.nudge.principles.PackFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/** Starts Nudge from config/nudge.yml and the environment; stops cleanly on Ctrl-C or SIGTERM. */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        NudgeConfig config;
        Nudge nudge;
        try {
            String explicit = System.getenv("NUDGE_CONFIG");
            Path file = Path.of(explicit == null || explicit.isBlank() ? "config/nudge.yml" : explicit);
            if (explicit != null && !explicit.isBlank() && !Files.exists(file)) {
                throw new ConfigException("NUDGE_CONFIG points at " + file + ", which does not exist");
            }
            config = ConfigLoader.load(file, System.getenv());
            nudge = Nudge.start(config, Clock.systemUTC());
        } catch (ConfigException | PackFileException e) {
            System.err.println("Nudge cannot start: " + e.getMessage());
            System.exit(2);
            return;
        } catch (Exception e) {
            // A port in use, an unreadable database, Slack refusing the token at start...: one clear line, then the cause.
            System.err.println("Nudge cannot start: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            nudge.close();
            stopped.countDown();
        }, "nudge-shutdown"));
        stopped.await();
    }
}
