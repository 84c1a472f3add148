package dev.nudge.web.admin;

/** Escapes text for SVG (XML) markup that Java writes, since jte escapes only what templates print themselves. */
final class Svg {
    private Svg() {
    }

    static String text(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    static String number(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
