package io.persistor.core.internal.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;

/** Writes the rows of the part at an index of the data section into the script. */
@FunctionalInterface
interface PartReader {

    long read(int index, ReadPart part, OutputStream target) throws IOException, SQLException;
}
