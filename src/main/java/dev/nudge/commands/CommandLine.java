package dev.nudge.commands;

import dev.nudge.chat.UserInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits command text into words, keeping "quoted phrases" together. Chat clients often turn straight quotes into
 * curly ones, so both count.
 */
public final class CommandLine {
    private CommandLine() {}

    /** A word as typed; {@code quoted} when it was inside quotes (so "hidden" in quotes is text, not a flag). */
    public record Word(String text, boolean quoted) {}

    public static List<Word> split(String text) {
        List<Word> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isQuote(c)) {
                if (quoted) {
                    words.add(new Word(current.toString(), true));
                    current.setLength(0);
                    quoted = false;
                    inWord = false;
                } else {
                    if (inWord) {
                        words.add(new Word(current.toString(), false));
                        current.setLength(0);
                    }
                    quoted = true;
                    inWord = false;
                }
            } else if (Character.isWhitespace(c) && !quoted) {
                if (inWord) {
                    words.add(new Word(current.toString(), false));
                    current.setLength(0);
                    inWord = false;
                }
            } else {
                current.append(c);
                inWord = !quoted || inWord;
            }
        }
        if (quoted) {
            throw new UserInputException("A quote is not closed: check that every \" has a partner.");
        }
        if (inWord) {
            words.add(new Word(current.toString(), false));
        }
        return words;
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\u201C' || c == '\u201D' || c == '\u201E';
    }
}
