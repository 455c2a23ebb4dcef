package io.persistor.core.internal.script;

import io.persistor.model.QualifiedName;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The one place where names and values become SQL text. Every identifier is double-quoted and every literal
 * is a standard-conforming single-quoted string, so no name or value can end a token early.
 */
public final class SqlQuote {

    private SqlQuote() {
    }

    /**
     * Quotes an identifier: {@code my "col"} becomes {@code "my ""col"""}.
     *
     * @param name the name as the catalog stores it
     * @return the quoted identifier
     */
    public static String identifier(String name) {
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("An identifier cannot contain a NUL character");
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * Quotes a schema-qualified name.
     *
     * @param name the name
     * @return {@code "schema"."name"}
     */
    public static String qualified(QualifiedName name) {
        return identifier(name.schema()) + '.' + identifier(name.name());
    }

    /**
     * Quotes a string literal for a session with {@code standard_conforming_strings = on}: {@code it's}
     * becomes {@code 'it''s'}; backslashes and every other character stand as they are.
     *
     * @param value the text
     * @return the quoted literal
     */
    public static String literal(String value) {
        byte[] text = value.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length + 2);
        try {
            writeLiteral(out, text, 0, text.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Writes UTF-8 text as a string literal, quoted the same way as {@link #literal(String)}; the data section
     * uses it to write values without turning them into Java strings.
     *
     * @param out    where the literal goes
     * @param utf8   the text's bytes
     * @param offset where the text starts in {@code utf8}
     * @param length how many bytes it has
     * @throws IOException when {@code out} fails
     */
    public static void writeLiteral(OutputStream out, byte[] utf8, int offset, int length) throws IOException {
        out.write('\'');
        writeLiteralPart(out, utf8, offset, length);
        out.write('\'');
    }

    /**
     * Writes part of a string literal's text, quotes doubled, without the enclosing quotes: a value too large to
     * hold at once is written as an opening quote, its parts in order, and a closing quote.
     *
     * @param out    where the text goes
     * @param utf8   the text's bytes
     * @param offset where the part starts in {@code utf8}
     * @param length how many bytes it has
     * @throws IOException when {@code out} fails
     */
    public static void writeLiteralPart(OutputStream out, byte[] utf8, int offset, int length) throws IOException {
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            byte b = utf8[i];
            if (b == '\'') {
                out.write(utf8, start, i + 1 - start);
                out.write('\'');
                start = i + 1;
            } else if (b == 0) {
                throw new IllegalArgumentException("A PostgreSQL string cannot contain a NUL character");
            }
        }
        out.write(utf8, start, end - start);
    }
}
