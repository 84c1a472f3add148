/** SQLite storage: the connection pool, migrations and the JDBC repositories behind the features' interfaces. */
package dev.nudge.storage;
