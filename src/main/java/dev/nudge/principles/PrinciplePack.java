package dev.nudge.principles;

import dev.nudge.chat.UserInputException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** A named, ordered set of principles. */
public record PrinciplePack(String name, String title, List<Principle> principles) {
    public PrinciplePack {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        principles = List.copyOf(principles);
        if (principles.isEmpty()) {
            throw new IllegalArgumentException("a pack needs at least one principle");
        }
    }

    public Principle number(int number) {
        if (number < 1 || number > principles.size()) {
            throw new UserInputException("There is no principle " + number + " in the '" + name + "' pack: pick 1 to "
                    + principles.size() + ".");
        }
        return principles.get(number - 1);
    }

    /**
     * Finds a principle by number ("3"), key ("measure") or a word of its title ("suppliers"); fails with the
     * candidates when the word matches more than one.
     */
    public Principle find(String reference) {
        String wanted = reference.trim().toLowerCase(Locale.ROOT);
        if (wanted.matches("\\d{1,9}")) {
            return number(Integer.parseInt(wanted));
        }
        for (Principle principle : principles) {
            if (principle.key().equals(wanted)) {
                return principle;
            }
        }
        List<Principle> matches = principles.stream()
                .filter(p -> p.title().toLowerCase(Locale.ROOT).contains(wanted)
                        || p.meaning().toLowerCase(Locale.ROOT).contains(wanted))
                .toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw new UserInputException("No principle matches '" + clip(reference) + "'. Use a number from 1 to "
                    + principles.size() + " or a key: " + String.join(", ", keys()) + ".");
        }
        throw new UserInputException("'" + clip(reference) + "' matches more than one principle: "
                + String.join(", ", matches.stream().map(p -> p.number() + " (" + p.key() + ")").toList())
                + ". Use the number or key.");
    }

    public List<String> keys() {
        return principles.stream().map(Principle::key).toList();
    }

    private static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
