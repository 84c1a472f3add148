/** Prompts: a principle's question posted in a channel, answered with one click and an optional note. */
package dev.nudge.prompts;
