package io.persistor.core.internal.data;

import io.persistor.core.internal.script.SqlQuote;
import io.persistor.spi.TypeRenderer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes one non-NULL value, given as the server's text output in UTF-8, as an SQL expression. */
interface ValueWriter {

    /** A standard string literal, which the target column's type reads back exactly. */
    ValueWriter LITERAL = SqlQuote::writeLiteral;

    /** Integers and numerics bare when they are plain numbers ({@code NaN} and the like quoted). */
    ValueWriter NUMBER = (out, value, offset, length) -> {
        if (isPlainNumber(value, length)) {
            out.write(value, offset, length);
        } else {
            SqlQuote.writeLiteral(out, value, offset, length);
        }
    };

    void write(OutputStream out, byte[] value, int offset, int length) throws IOException;

    /** A literal with an explicit cast to a type that is not built in: {@code 'x'::public.mood}. */
    static ValueWriter cast(String type) {
        byte[] suffix = ("::" + type).getBytes(StandardCharsets.UTF_8);
        return (out, value, offset, length) -> {
            SqlQuote.writeLiteral(out, value, offset, length);
            out.write(suffix);
        };
    }

    /** Whatever a user's renderer makes of the value's text. */
    static ValueWriter rendered(TypeRenderer renderer, String type) {
        return (out, value, offset, length) -> out.write(
                renderer.render(type, new String(value, offset, length, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isPlainNumber(byte[] value, int length) {
        if (length == 0) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            byte b = value[i];
            if (!(b >= '0' && b <= '9' || b == '.' || b == '-')) {
                return false;
            }
        }
        return true;
    }
}
