package dev.nudge.web.admin;

/**
 * What the sign-in page shows: the form, why the last try failed or the session ended (null when neither), and the
 * admin page to go to after signing in (null for the default).
 */
public record LoginView(String error, String next) {
    public LoginView(String error) {
        this(error, null);
    }
}
