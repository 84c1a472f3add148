/** Channels Nudge has joined, and the welcome it posts there. */
package dev.nudge.channels;
