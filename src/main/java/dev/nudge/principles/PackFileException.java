package dev.nudge.principles;

/** A principle pack file is broken; the message names the file and the line. */
public final class PackFileException extends RuntimeException {
    public PackFileException(String file, int line, String problem) {
        super(file + (line > 0 ? " line " + line : "") + ": " + problem);
    }
}
