/** Slack at the edge: request signatures, the Bolt app and its Javalin bridge, Block Kit, the Web API and Socket Mode. */
package dev.nudge.slack;
