package dev.nudge.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.nudge.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The SQLite file: a small connection pool with WAL, a busy timeout and IMMEDIATE transactions (writers queue for
 * the lock instead of failing with SQLITE_BUSY_SNAPSHOT), migrated by Flyway at open.
 */
public final class Database implements AutoCloseable {

    /** Work on a connection; may throw SQLException. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final HikariDataSource pool;
    private final Path file;
    /**
     * SQLite allows one writer at a time. Queueing writers here, in the JVM, is cheaper than letting them collide in
     * SQLite, whose busy handler sleeps in growing steps while it waits for the lock.
     */
    private final java.util.concurrent.locks.ReentrantLock writeLock = new java.util.concurrent.locks.ReentrantLock();

    private Database(Path file, HikariDataSource pool) {
        this.file = file;
        this.pool = pool;
    }

    public static Database open(Path file) {
        Path absolute = file.toAbsolutePath();
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
        } catch (IOException e) {
            throw new ConfigException("NUDGE_DB: cannot create the folder for " + absolute + ": " + e.getMessage(), e);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("nudge-sqlite");
        config.setJdbcUrl("jdbc:sqlite:" + absolute
                + "?journal_mode=WAL&synchronous=NORMAL&busy_timeout=10000&transaction_mode=IMMEDIATE&foreign_keys=true");
        config.setMaximumPoolSize(6);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(-1);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (FlywayException e) {
            pool.close();
            throw new ConfigException("NUDGE_DB: the database " + absolute + " could not be opened or upgraded: "
                    + e.getMessage(), e);
        }
        return new Database(absolute, pool);
    }

    public Path file() {
        return file;
    }

    /** Runs the work in one transaction: everything or nothing is written. */
    public <T> T transaction(Work<T> work) {
        writeLock.lock();
        try {
            return inTransaction(work);
        } finally {
            writeLock.unlock();
        }
    }

    private <T> T inTransaction(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /** Runs read-only work (or a single statement) without holding the write lock. */
    public <T> T read(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /** Whether the database answers and the schema is in place; used by /health. */
    public boolean healthy() {
        try {
            return read(connection -> {
                try (var statement = connection.createStatement();
                     var rows = statement.executeQuery("SELECT count(*) FROM flyway_schema_history")) {
                    return rows.next() && Files.exists(file);
                }
            });
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
