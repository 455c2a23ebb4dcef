package io.persistor.core.internal.restore;

import com.github.luben.zstd.ZstdInputStream;
import io.persistor.Compression;
import io.persistor.Decryption;
import io.persistor.core.internal.crypto.OpenPgpDecryption;
import io.persistor.core.internal.script.DigestCheckingInputStream;
import io.persistor.core.internal.script.RestoreNeed;
import io.persistor.core.internal.script.ScriptLayout;
import io.persistor.spi.InputSource;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A script, plain, compressed (gzip or Zstandard) or encrypted (OpenPGP), each told by its first bytes: its
 * reader, its closing marker, and the schemas it creates objects in.
 */
final class ScriptFile {

    private static final Pattern CREATE = Pattern.compile("(?is)^CREATE\\s+(?:OR\\s+REPLACE\\s+)?"
            + "(?:UNLOGGED\\s+|MATERIALIZED\\s+)?(?:TABLE|VIEW|SEQUENCE|TYPE|DOMAIN|FUNCTION|PROCEDURE|AGGREGATE|"
            + "COLLATION)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)\\.");
    private static final Pattern CREATE_SCHEMA = Pattern.compile(
            "(?is)^CREATE\\s+SCHEMA\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)");

    private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b};
    private static final byte[] ZSTD_MAGIC = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};
    /** How much of the script's end is read to find its last line. */
    private static final int TAIL = 4096;

    private final InputSource input;
    private final String source;
    private final Decryption decryption;
    private final boolean encrypted;
    private final Compression compression;

    /**
     * Looks at a script: whether it is encrypted, and how its content is compressed. An encrypted script is
     * decrypted here the first time, so that a missing or wrong passphrase or key is refused before anything runs.
     *
     * @param input      where it is read from
     * @param decryption what decrypts it, or {@code null}
     */
    ScriptFile(InputSource input, Decryption decryption) throws IOException {
        this.input = input;
        this.source = input.name();
        this.decryption = decryption;
        byte[] start = new byte[64];
        int read;
        try (InputStream in = input.open()) {
            read = in.readNBytes(start, 0, start.length);
        }
        this.encrypted = OpenPgpDecryption.isEncrypted(start, read);
        if (encrypted) {
            try (InputStream content = content()) {
                read = content.readNBytes(start, 0, ZSTD_MAGIC.length);
            }
        }
        this.compression = startsWith(start, read, GZIP_MAGIC) ? Compression.GZIP
                : startsWith(start, read, ZSTD_MAGIC) ? Compression.ZSTD : Compression.NONE;
    }

    /**
     * The script as a local file whose bytes are the script's, neither compressed nor encrypted, which readers may
     * read at any offset.
     *
     * @return it, or {@code null} when the script is not such a file
     */
    Path plainFile() {
        return input instanceof FileSource file && !encrypted && compression == Compression.NONE ? file.file() : null;
    }

    /** The script's bytes, uncompressed. */
    InputStream open() throws IOException {
        return bytes();
    }

    /** The script's lines. */
    BufferedReader lines() throws IOException {
        return new BufferedReader(new InputStreamReader(bytes(), StandardCharsets.UTF_8));
    }

    /**
     * The script's bytes, uncompressed, digested on their way so that the digest line at its end can be checked
     * once they are all read.
     */
    DigestCheckingInputStream openChecked() throws IOException {
        return new DigestCheckingInputStream(bytes());
    }

    private InputStream bytes() throws IOException {
        InputStream content = content();
        return switch (compression) {
            case NONE -> content;
            case GZIP -> new GZIPInputStream(content, 1 << 16);
            case ZSTD -> new BufferedInputStream(new ZstdInputStream(content), 1 << 16);
        };
    }

    /** The file's content: decrypted, still compressed. */
    private InputStream content() throws IOException {
        InputStream in = new BufferedInputStream(input.open(), 1 << 16);
        return encrypted ? new BufferedInputStream(OpenPgpDecryption.decrypting(in, decryption, source), 1 << 16) : in;
    }

    private static boolean startsWith(byte[] start, int length, byte[] magic) {
        return length >= magic.length && Arrays.equals(start, 0, magic.length, magic, 0, magic.length);
    }

    /** Whether the script's last line is Persistor's closing marker, i.e. the file was not cut short. */
    boolean isComplete() throws IOException {
        return ScriptLayout.CLOSING_MARKER.equals(lastLine());
    }

    /**
     * The schemas that the script's pre-data statements create objects in, read up to its first {@code INSERT} or
     * {@code COPY}.
     */
    Set<String> schemas() throws IOException {
        Set<String> schemas = new LinkedHashSet<>();
        try (InputStream in = open()) {
            ScriptParser parser = new ScriptParser(in);
            ScriptParser.Statement statement;
            while ((statement = parser.next()) != null) {
                String sql = statement.sql();
                if (sql.regionMatches(true, 0, "INSERT", 0, 6) || statement.isCopyFromStdin()) {
                    break;
                }
                Matcher create = CREATE.matcher(sql);
                Matcher schema = CREATE_SCHEMA.matcher(sql);
                if (create.find()) {
                    schemas.add(unquote(create.group(1)));
                } else if (schema.find()) {
                    schemas.add(unquote(schema.group(1)));
                }
            }
        }
        return schemas;
    }

    /** What the script's header says its objects need beyond a database owner's rights. */
    List<RestoreNeed> needs() throws IOException {
        List<RestoreNeed> needs = new ArrayList<>();
        try (BufferedReader lines = lines()) {
            String line;
            while ((line = lines.readLine()) != null && (line.startsWith("--") || line.isBlank())) {
                RestoreNeed.parse(line).ifPresent(needs::add);
            }
        }
        return needs;
    }

    /** Whether the script's header says it creates large objects. */
    boolean hasLargeObjects() throws IOException {
        try (BufferedReader lines = lines()) {
            String line;
            while ((line = lines.readLine()) != null && (line.startsWith("--") || line.isBlank())) {
                if (line.startsWith("-- " + ScriptLayout.LARGE_OBJECTS)) {
                    return true;
                }
            }
        }
        return false;
    }

    private String lastLine() throws IOException {
        String text = tail(TAIL).stripTrailing();
        return text.substring(text.lastIndexOf('\n') + 1);
    }

    /**
     * The script's last bytes, decoded: from its end back as far as {@code size} bytes go, so that the first line
     * may be cut. A plain file is read at its end only, any other to its end as bytes, with no decoding.
     */
    String tail(int size) throws IOException {
        InputStream end = encrypted || compression != Compression.NONE ? null : input.openTail(size);
        if (end == null) {
            try (InputStream in = bytes()) {
                return new String(lastBytes(in, size), StandardCharsets.UTF_8);
            }
        }
        try (end) {
            return new String(end.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The last {@code size} bytes of a stream, read to its end, kept in a ring. */
    private static byte[] lastBytes(InputStream in, int size) throws IOException {
        byte[] buffer = new byte[1 << 16];
        byte[] ring = new byte[size];
        int next = 0;
        int kept = 0;
        for (int read; (read = in.read(buffer)) >= 0; ) {
            int from = Math.max(0, read - size);
            int count = read - from;
            int first = Math.min(count, size - next);
            System.arraycopy(buffer, from, ring, next, first);
            System.arraycopy(buffer, from + first, ring, 0, count - first);
            next = (next + count) % size;
            kept = Math.min(size, kept + count);
        }
        byte[] last = new byte[kept];
        int start = Math.floorMod(next - kept, size);
        int first = Math.min(kept, size - start);
        System.arraycopy(ring, start, last, 0, first);
        System.arraycopy(ring, 0, last, first, kept - first);
        return last;
    }

    private static String unquote(String identifier) {
        return identifier.startsWith("\"")
                ? identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"")
                : identifier.toLowerCase(Locale.ROOT);
    }
}
