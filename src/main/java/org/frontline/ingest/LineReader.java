package org.frontline.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads an (already decompressed) stream line by line as bytes, keeping at most a fixed number of bytes per
 * line, so that a multi-gigabyte single-line file cannot exhaust memory.
 *
 * <p>Lines end at {@code \n}; a trailing {@code \r} is dropped, and so is a UTF-8 byte order mark at the
 * start of the stream. A last line without {@code \n} is still a line; an empty stream has none.
 */
public final class LineReader implements Closeable {

    /** How many bytes of an over-long line are kept, for the excerpt and for seeing how the line starts. */
    public static final int TOO_LONG_PREFIX_BYTES = 1024;

    private static final int BUFFER_BYTES = 64 * 1024;

    /**
     * One line.
     *
     * @param number     1-based line number
     * @param bytes      the line without its terminator; for a line over the cap, only its first
     *                   {@link #TOO_LONG_PREFIX_BYTES} bytes
     * @param tooLong    whether the line is longer than the cap (and so not kept whole)
     * @param byteLength the line's full length in bytes, without its terminator
     */
    public record Line(long number, byte[] bytes, boolean tooLong, long byteLength) {

        /** Whether the line is empty or holds only ASCII spaces and tabs. */
        public boolean isBlank() {
            if (tooLong) {
                return false;
            }
            for (byte b : bytes) {
                if (b != ' ' && b != '\t' && b != '\r' && b != '\f') {
                    return false;
                }
            }
            return true;
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int pos;
    private int limit;
    private boolean eof;
    private boolean started;
    private byte[] line = new byte[256];
    private long lineNumber;

    /** Reads from {@code in}, keeping lines of at most {@code maxLineBytes} bytes. */
    public LineReader(InputStream in, int maxLineBytes) {
        if (maxLineBytes <= 0) {
            throw new IllegalArgumentException("maxLineBytes must be positive; got " + maxLineBytes);
        }
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line, or null at the end of the stream. */
    public Line next() throws IOException {
        if (!started) {
            started = true;
            skipByteOrderMark();
        }
        if (pos >= limit && !fill()) {
            return null;
        }
        // Keep one byte more than the cap, so that a line of exactly maxLineBytes plus '\r' still fits.
        int keepMax = maxLineBytes + 1;
        int kept = 0;
        long length = 0;
        byte last = 0;
        while (pos < limit || fill()) {
            int start = pos;
            int newline = indexOfNewline(start);
            int end = newline < 0 ? limit : newline;
            int n = end - start;
            if (n > 0) {
                length += n;
                last = buffer[end - 1];
                int room = Math.min(n, keepMax - kept);
                if (room > 0) {
                    ensureCapacity(kept + room);
                    System.arraycopy(buffer, start, line, kept, room);
                    kept += room;
                }
            }
            pos = newline < 0 ? limit : newline + 1;
            if (newline >= 0) {
                break;
            }
        }
        if (length > 0 && last == '\r') {
            length--;
            kept = (int) Math.min(kept, length);
        }
        lineNumber++;
        boolean tooLong = length > maxLineBytes;
        byte[] bytes = Arrays.copyOf(line, tooLong ? Math.min(kept, TOO_LONG_PREFIX_BYTES) : kept);
        return new Line(lineNumber, bytes, tooLong, length);
    }

    /** The number of the last line returned (0 before the first). */
    public long lineNumber() {
        return lineNumber;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private int indexOfNewline(int from) {
        for (int i = from; i < limit; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void ensureCapacity(int needed) {
        if (needed > line.length) {
            line = Arrays.copyOf(line, (int) Math.min(Math.max(needed, 2L * line.length), maxLineBytes + 1L));
        }
    }

    private boolean fill() throws IOException {
        while (!eof) {
            int n = in.read(buffer, 0, buffer.length);
            if (n < 0) {
                eof = true;
            } else if (n > 0) {
                pos = 0;
                limit = n;
                return true;
            }
        }
        return false;
    }

    private void skipByteOrderMark() throws IOException {
        // Fill at least 3 bytes (a stream may deliver them one at a time), then drop EF BB BF if present.
        while (limit < 3 && !eof) {
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        }
        if (limit >= 3 && buffer[0] == (byte) 0xEF && buffer[1] == (byte) 0xBB && buffer[2] == (byte) 0xBF) {
            pos = 3;
        }
    }
}
