package genflow.table;

/**
 * Structural CSV check (RFC 4180: comma separator, double-quote quoting with "" as an escaped
 * quote, CRLF or LF line ends): every record must have as many fields as the header, quotes must
 * be closed. Reports the 1-based line where the faulty record starts.
 */
final class CsvCheck {
    private CsvCheck() {}

    static void check(String file, String text) {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        int n = text.length();
        int line = 1;
        int recordLine = 1;
        int fields = 1;
        int expected = -1;
        boolean inQuotes = false;
        boolean recordEmpty = true;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        i += 2;
                        continue;
                    }
                    inQuotes = false;
                } else if (c == '\n') {
                    line++;
                }
                i++;
                continue;
            }
            if (c == '"') {
                inQuotes = true;
                recordEmpty = false;
            } else if (c == ',') {
                fields++;
                recordEmpty = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
                expected = endRecord(file, recordLine, fields, expected, recordEmpty);
                line++;
                recordLine = line;
                fields = 1;
                recordEmpty = true;
            } else {
                recordEmpty = false;
            }
            i++;
        }
        if (inQuotes) throw new IllegalArgumentException(file + ":" + recordLine + ": quoted field is never closed");
        expected = endRecord(file, recordLine, fields, expected, recordEmpty);
        if (expected < 0) throw new IllegalArgumentException(file + ":1: the file is empty; expected a header row");
    }

    private static int endRecord(String file, int line, int fields, int expected, boolean empty) {
        if (empty && fields == 1) return expected;            // blank line
        if (expected < 0) return fields;                       // header
        if (fields != expected) {
            throw new IllegalArgumentException(file + ":" + line + ": expected " + expected
                    + " fields (as in the header) but found " + fields);
        }
        return expected;
    }
}
