/** Principle packs: loading and validating them, picking one per channel, and the commands that show them. */
package dev.nudge.principles;
