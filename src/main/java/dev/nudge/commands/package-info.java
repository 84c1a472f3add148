/** The text command language shared by every platform: parsing, dispatch and generated help. */
package dev.nudge.commands;
