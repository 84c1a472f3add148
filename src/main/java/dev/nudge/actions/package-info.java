/** Action items: creating them, reminding owners, reviewing them (done / not yet / drop) and the did-it-help poll. */
package dev.nudge.actions;
