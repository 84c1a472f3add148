package dev.nudge.web.admin;

import java.util.List;

/**
 * Where the pages find their styles and scripts. The NHS design system (nhsuk-frontend) is copied from npm into the
 * jar at build time and served under {@code /assets} (its style sheet asks for its icons there); the version is in
 * the file names, so browsers may keep them for a year. Nudge's own small additions live under {@code /admin}.
 */
public final class Assets {
    /** Also in pom.xml ({@code nhsuk.frontend.version}) and src/main/frontend/package.json. */
    public static final String NHSUK_FRONTEND_VERSION = "10.6.1";
    public static final String NHSUK_CSS = "/assets/nhsuk-frontend-" + NHSUK_FRONTEND_VERSION + ".min.css";
    public static final String NHSUK_JS = "/assets/nhsuk-frontend-" + NHSUK_FRONTEND_VERSION + ".min.js";
    public static final String ADMIN_CSS = "/admin/admin.css";
    public static final String ADMIN_JS = "/admin/admin.mjs";

    /** The header's navigation, in order. */
    public static final List<NavItem> NAV = List.of(
            new NavItem("reports", "/admin/reports", "Reports"),
            new NavItem("heatmap", "/admin/heatmap", "Heatmap"),
            new NavItem("actions", "/admin/actions", "Actions"),
            new NavItem("schedules", "/admin/schedules", "Schedules"),
            new NavItem("export", "/admin/export", "Export"));

    /** One link in the header's navigation; {@code id} marks the current page. */
    public record NavItem(String id, String href, String text) {}

    private Assets() {
    }
}
