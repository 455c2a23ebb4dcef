package io.persistor.core.internal.mask;

import io.persistor.spi.ColumnTransformer;
import io.persistor.spi.ColumnTransformerProvider;
import io.persistor.spi.MaskingKey;
import java.util.List;
import java.util.Optional;

/** The transformers of {@link io.persistor.Masks}, by name; registered for {@link java.util.ServiceLoader}. */
public final class BuiltInTransformers implements ColumnTransformerProvider {

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public BuiltInTransformers() {
    }

    @Override
    public Optional<ColumnTransformer> create(String name, List<String> arguments, MaskingKey key) {
        ColumnTransformer transformer = switch (name) {
            case "email" -> new EmailTransformer(key);
            case "name" -> new NameTransformer(key, NameTransformer.Part.FULL);
            case "firstName" -> new NameTransformer(key, NameTransformer.Part.FIRST);
            case "lastName" -> new NameTransformer(key, NameTransformer.Part.LAST);
            case "phone" -> new PhoneTransformer(key);
            case "hash" -> new HashTransformer(key);
            case "null" -> (value, row) -> null;
            case "number" -> new NumberTransformer(key, number(name, arguments, 0), number(name, arguments, 1));
            case "dateShift" -> new DateShiftTransformer(key, (int) number(name, arguments, 0));
            case "constant" -> {
                String constant = argument(name, arguments, 0);
                yield (value, row) -> value == null ? null : constant;
            }
            default -> null;
        };
        if (transformer != null && arguments.size() > expected(name)) {
            throw new IllegalArgumentException(name + " takes " + expected(name) + " arguments, not "
                    + arguments.size());
        }
        return Optional.ofNullable(transformer);
    }

    private static int expected(String name) {
        return switch (name) {
            case "number" -> 2;
            case "dateShift", "constant" -> 1;
            default -> 0;
        };
    }

    private static String argument(String name, List<String> arguments, int index) {
        if (arguments.size() <= index) {
            throw new IllegalArgumentException(name + " takes " + expected(name) + " arguments, not "
                    + arguments.size());
        }
        return arguments.get(index);
    }

    private static long number(String name, List<String> arguments, int index) {
        String text = argument(name, arguments, index);
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "'s argument " + (index + 1) + " is a whole number, not '"
                    + text + "'");
        }
    }
}
