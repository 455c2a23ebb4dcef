package io.persistor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a backup writes instead of a column's values: a transformer's name and its arguments, such as
 * {@code email} or {@code number(1, 1000)}. {@link Masks} makes the built-in ones; a
 * {@link io.persistor.spi.ColumnTransformerProvider} found through {@code ServiceLoader} can supply others by name.
 *
 * @param transformer the transformer's name
 * @param arguments   its arguments, as text
 */
public record Mask(String transformer, List<String> arguments) {

    /** Checks the name and copies the arguments. */
    public Mask {
        Objects.requireNonNull(transformer, "transformer");
        if (!transformer.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("A mask's transformer is a name of letters, digits and '_', not '"
                    + transformer + "'");
        }
        arguments = List.copyOf(arguments);
    }

    /**
     * A mask by a transformer's name.
     *
     * @param transformer the name
     * @param arguments   its arguments
     * @return the mask
     */
    public static Mask of(String transformer, String... arguments) {
        return new Mask(transformer, List.of(arguments));
    }

    /**
     * Reads a mask as {@link #toString()} writes it: {@code name} or {@code name(argument, ...)}, an argument
     * quoted in single quotes ({@code ''} for a quote) when it holds a comma, a parenthesis or spaces at its ends.
     *
     * @param text the mask
     * @return the mask
     * @throws IllegalArgumentException when the text is not a mask
     */
    public static Mask parse(String text) {
        String trimmed = text.strip();
        int open = trimmed.indexOf('(');
        if (open < 0) {
            return new Mask(trimmed, List.of());
        }
        if (!trimmed.endsWith(")")) {
            throw new IllegalArgumentException("A mask is name or name(arguments), not '" + text + "'");
        }
        List<String> arguments = new ArrayList<>();
        String inside = trimmed.substring(open + 1, trimmed.length() - 1);
        int i = 0;
        while (!inside.isBlank() && i <= inside.length()) {
            while (i < inside.length() && inside.charAt(i) == ' ') {
                i++;
            }
            StringBuilder argument = new StringBuilder();
            if (i < inside.length() && inside.charAt(i) == '\'') {
                i++;
                while (true) {
                    if (i >= inside.length()) {
                        throw new IllegalArgumentException("An argument's quote is not closed in '" + text + "'");
                    }
                    char c = inside.charAt(i++);
                    if (c == '\'' && i < inside.length() && inside.charAt(i) == '\'') {
                        argument.append('\'');
                        i++;
                    } else if (c == '\'') {
                        break;
                    } else {
                        argument.append(c);
                    }
                }
                while (i < inside.length() && inside.charAt(i) == ' ') {
                    i++;
                }
                if (i < inside.length() && inside.charAt(i) != ',') {
                    throw new IllegalArgumentException("Expected ',' after a quoted argument in '" + text + "'");
                }
            } else {
                int comma = inside.indexOf(',', i);
                int end = comma < 0 ? inside.length() : comma;
                argument.append(inside.substring(i, end).strip());
                i = end;
            }
            arguments.add(argument.toString());
            i++;
        }
        return new Mask(trimmed.substring(0, open).strip(), arguments);
    }

    /** @return the mask as {@link #parse(String)} reads it */
    @Override
    public String toString() {
        if (arguments.isEmpty()) {
            return transformer;
        }
        List<String> written = new ArrayList<>();
        for (String argument : arguments) {
            boolean plain = !argument.isEmpty() && argument.strip().equals(argument)
                    && argument.chars().noneMatch(c -> c == ',' || c == '(' || c == ')' || c == '\'');
            written.add(plain ? argument : "'" + argument.replace("'", "''") + "'");
        }
        return transformer + "(" + String.join(", ", written) + ")";
    }
}
