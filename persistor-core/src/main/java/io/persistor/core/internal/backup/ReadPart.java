package io.persistor.core.internal.backup;

import io.persistor.core.internal.data.TableData;
import io.persistor.model.Table;

/**
 * One unit of reading: a whole table, or one slice of a large one.
 *
 * @param table     the table
 * @param slice     which of its pages
 * @param first     whether it is the table's first part
 * @param last      whether it is the table's last part
 * @param outOfLine whether the table stores values out of line, so that a row may be too large to read whole
 */
record ReadPart(Table table, TableData.Slice slice, boolean first, boolean last, boolean outOfLine) {
}
