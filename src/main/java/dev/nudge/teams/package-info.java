/**
 * Microsoft Teams at the edge: the Bot Framework adapter behind POST /api/messages, token checks, Adaptive Cards,
 * conversation references and the outbound sender with Teams' rate limits.
 */
package dev.nudge.teams;
