/** The admin edge: the schedules REST API under {@code /api/v1} and the admin web page under {@code /admin}. */
package dev.nudge.web.admin;
