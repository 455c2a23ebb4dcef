package io.persistor.core.internal.restore;

import io.persistor.BackupVerification;
import io.persistor.Decryption;
import io.persistor.PersistorException;
import io.persistor.core.internal.script.DigestCheckingInputStream;
import io.persistor.core.internal.script.ScriptLayout;
import io.persistor.spi.InputSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a backup file offline: reads it once as a restore would (counting each table's rows in its {@code COPY}
 * blocks and {@code INSERT}s, and digesting its bytes), then reads its manifest, and names each disagreement.
 */
public final class ScriptVerifier {

    /** How much of a script's end is read for its manifest: some 150,000 tables' lines. */
    private static final int MANIFEST_TAIL = 8 << 20;
    private static final Pattern COPY_TABLE = Pattern.compile("(?s)^COPY\\s+\"((?:[^\"]|\"\")*)\"\\.\"((?:[^\"]|\"\")*)\"");

    private ScriptVerifier() {
    }

    /**
     * Verifies a backup.
     *
     * @param input      the backup, plain, compressed or encrypted
     * @param decryption what decrypts it, or {@code null}
     * @return what was found
     * @throws PersistorException when the file cannot be read
     */
    public static BackupVerification verify(InputSource input, Decryption decryption) {
        Path file = input.file();
        String name = input.name();
        if (file != null && !Files.isRegularFile(file)) {
            throw new PersistorException("Cannot verify " + name + ": no such file");
        }
        List<String> problems = new ArrayList<>();
        Map<String, Long> rows = new LinkedHashMap<>();
        ScriptFile script;
        try {
            script = new ScriptFile(input, decryption);
        } catch (PersistorException e) {
            return new BackupVerification(file, rows, List.of(e.getMessage() + "."));
        } catch (IOException e) {
            throw new PersistorException("Cannot read " + name + ": " + e.getMessage(), null, e);
        }
        try {
            Optional<DigestCheckingInputStream.Outcome> digest = Optional.empty();
            DigestCheckingInputStream bytes = script.openChecked();
            try (bytes; ParsedScript parsed = new ParsedScript(bytes)) {
                count(parsed, rows);
                digest = bytes.outcome();
            } catch (IOException e) {
                problems.add("It cannot be read as a script: " + e.getMessage() + ".");
            }
            Manifest manifest = Manifest.read(script);
            if (!manifest.complete()) {
                problems.add("It does not end with Persistor's closing marker: it was cut short, or is not a "
                        + "Persistor backup.");
            }
            if (digest.isEmpty()) {
                problems.add("It has no manifest to check it against (written by another tool or by Persistor "
                        + "before 0.2, or cut short before the manifest).");
            } else if (!digest.get().intact()) {
                problems.add("Its SHA-256 is " + digest.get().actual() + ", but its manifest says "
                        + digest.get().expected() + ": it was changed or corrupted after it was written.");
            }
            for (Map.Entry<String, Long> expected : manifest.rows().entrySet()) {
                // An INSERT file has no statement for an empty table.
                long found = rows.computeIfAbsent(expected.getKey(), table -> 0L);
                if (found != expected.getValue()) {
                    problems.add("Table " + expected.getKey() + " holds " + found + " rows, but the manifest counts "
                            + expected.getValue() + ".");
                }
            }
            if (digest.isPresent()) {
                rows.keySet().stream().filter(table -> !manifest.rows().containsKey(table)).forEach(table ->
                        problems.add("Table " + table + " has rows in the file but no line in the manifest."));
            }
        } catch (IOException e) {
            throw new PersistorException("Cannot read " + name + ": " + e.getMessage(), null, e);
        }
        return new BackupVerification(file, rows, problems);
    }

    private static void count(ParsedScript parsed, Map<String, Long> rows) throws IOException {
        ParsedScript.Item item;
        String copying = null;
        while (!((item = parsed.next()) instanceof ParsedScript.End)) {
            if (item instanceof ParsedScript.Failed failed) {
                throw failed.failure();
            } else if (item instanceof ParsedScript.CopyStart start) {
                copying = table(start.sql());
                rows.putIfAbsent(copying, 0L);
            } else if (item instanceof ParsedScript.Chunk chunk && copying != null) {
                rows.merge(copying, (long) chunk.lines(), Long::sum);
            } else if (item instanceof ParsedScript.CopyEnd) {
                copying = null;
            } else if (item instanceof ParsedScript.AsCopy insert) {
                byte[] copied = insert.copy().rows();
                rows.merge(table(insert.copy().command()), lines(copied, copied.length), Long::sum);
            }
        }
    }

    private static String table(String copy) {
        Matcher matcher = COPY_TABLE.matcher(copy);
        return matcher.find() ? matcher.group(1).replace("\"\"", "\"") + "." + matcher.group(2).replace("\"\"", "\"")
                : copy;
    }

    private static long lines(byte[] bytes, int length) {
        long lines = 0;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n') {
                lines++;
            }
        }
        return lines;
    }

    /** The manifest's row counts, and whether the closing marker follows it. */
    private record Manifest(Map<String, Long> rows, boolean complete) {

        /** Reads the manifest from the script's last 8 MB, or from the whole script when it does not start there. */
        static Manifest read(ScriptFile script) throws IOException {
            String tail = script.tail(MANIFEST_TAIL);
            int manifest = tail.lastIndexOf("\n" + ScriptLayout.MANIFEST);
            if (manifest >= 0) {
                try (BufferedReader lines = new BufferedReader(new StringReader(tail.substring(manifest + 1)))) {
                    return read(lines);
                }
            }
            try (BufferedReader lines = script.lines()) {
                return read(lines);
            }
        }

        private static Manifest read(BufferedReader lines) throws IOException {
            Map<String, Long> rows = new LinkedHashMap<>();
            boolean inManifest = false;
            String last = null;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith(ScriptLayout.MANIFEST)) {
                    inManifest = true;
                    rows.clear();
                } else if (inManifest && line.startsWith(ScriptLayout.MANIFEST_ROWS)) {
                    int colon = line.lastIndexOf(": ");
                    rows.put(ScriptLayout.tableOfManifestName(
                                    line.substring(ScriptLayout.MANIFEST_ROWS.length(), colon)),
                            Long.parseLong(line.substring(colon + 2).trim()));
                } else if (!line.startsWith(ScriptLayout.DIGEST)) {
                    inManifest = false;
                }
                if (!line.isBlank()) {
                    last = line;
                }
            }
            return new Manifest(rows, ScriptLayout.CLOSING_MARKER.equals(last));
        }
    }
}
