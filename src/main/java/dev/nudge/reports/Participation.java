package dev.nudge.reports;

/**
 * Distinct people who answered anything (prompt answers, votes, retro) in a span, and the channel's member count
 * (null when unknown). Each anonymous vote or retro respondent counts as one person.
 */
public record Participation(int people, Integer memberCount) {
    /** people / members, capped at 1; null when the member count is unknown or zero. */
    public Double rate() {
        return memberCount == null || memberCount <= 0 ? null : Math.min(1.0, (double) people / memberCount);
    }

    /** "6 of 9 people (67%)" or "6 people". */
    public String text() {
        String who = people + (people == 1 ? " person" : " people");
        Double rate = rate();
        return rate == null ? who : people + " of " + memberCount + " people (" + Math.round(rate * 100) + "%)";
    }
}
