package dev.nudge.web;

import io.javalin.config.RoutesConfig;

/** A group of routes that a feature's web edge adds to the one server, so the server need not know every handler. */
@FunctionalInterface
public interface Routes {
    void addTo(RoutesConfig routes);
}
