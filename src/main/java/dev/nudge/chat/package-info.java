/** The neutral chat model: what features receive from and send to any chat platform, with no platform types. */
package dev.nudge.chat;
