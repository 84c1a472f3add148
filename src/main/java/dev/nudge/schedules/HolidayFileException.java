package dev.nudge.schedules;

/** A holiday calendar file is broken; the message names the file and the line. */
public final class HolidayFileException extends RuntimeException {
    public HolidayFileException(String file, int line, String problem) {
        super(file + (line > 0 ? " line " + line : "") + ": " + problem);
    }
}
