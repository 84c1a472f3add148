/** Timing with Quartz: jobs get their collaborators from a job factory; the database stays the source of truth. */
package dev.nudge.scheduling;
