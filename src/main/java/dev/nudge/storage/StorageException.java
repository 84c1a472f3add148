package dev.nudge.storage;

import java.sql.SQLException;

/** The database failed; nothing of the failed transaction was written. */
public final class StorageException extends RuntimeException {
    public StorageException(SQLException cause) {
        super("database error: " + cause.getMessage(), cause);
    }
}
