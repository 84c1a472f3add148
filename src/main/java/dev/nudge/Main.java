package dev.nudge;

import dev.nudge.config.ConfigException;
import dev.nudge.config.ConfigLoader;
import dev.nudge.config.NudgeConfig;
import dev.nudge.principles.PackFileException;
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
            config = ConfigLoader.load(Path.of(System.getenv().getOrDefault("NUDGE_CONFIG", "config/nudge.yml")),
                    System.getenv());
            nudge = Nudge.start(config, Clock.systemUTC());
        } catch (ConfigException | PackFileException e) {
            System.err.println("Nudge cannot start: " + e.getMessage());
            System.exit(2);
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
