/** Polls: principle and custom polls, votes (named or anonymous), live counts, and closing by hand or on time. */
package dev.nudge.polls;
