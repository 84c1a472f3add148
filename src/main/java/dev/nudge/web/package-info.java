/** The HTTP server: routes, health, error mapping and graceful shutdown. */
package dev.nudge.web;
