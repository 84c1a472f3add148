/** Keeps staff answers no longer than the configured retention: a daily job deletes what has aged out. */
package dev.nudge.retention;
