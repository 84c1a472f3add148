/**
 * Retrospectives in a channel: a card that reviews open action items, collects 1-5 ratings per principle and notes
 * (anonymous by default), and a summary in its thread when it closes.
 */
package dev.nudge.retros;
