package dev.nudge.reports;

/**
 * How a score moved against the previous range: compared as shown, to one decimal, so an arrow never contradicts
 * the numbers people see. NONE when either side is not shown.
 */
public enum Trend {
    UP("↑"), DOWN("↓"), SAME("→"), NONE("");

    private final String arrow;

    Trend(String arrow) {
        this.arrow = arrow;
    }

    public String arrow() {
        return arrow;
    }

    public static Trend between(Score previous, Score current) {
        if (!previous.shown() || !current.shown()) {
            return NONE;
        }
        long before = Math.round(previous.mean() * 10);
        long now = Math.round(current.mean() * 10);
        return now > before ? UP : now < before ? DOWN : SAME;
    }
}
