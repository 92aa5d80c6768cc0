package org.frontline.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LineReaderTest {

    private static List<LineReader.Line> readAll(InputStream in, int cap) throws IOException {
        List<LineReader.Line> lines = new ArrayList<>();
        try (LineReader reader = new LineReader(in, cap)) {
            LineReader.Line line;
            while ((line = reader.next()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static List<String> texts(List<LineReader.Line> lines) {
        return lines.stream().map(l -> new String(l.bytes(), StandardCharsets.UTF_8)).toList();
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void splitsOnNewlineStripsCarriageReturnAndNumbersFromOne() throws IOException {
        List<LineReader.Line> lines = readAll(stream("one\r\ntwo\n\nfour"), 100);
        assertThat(texts(lines)).containsExactly("one", "two", "", "four");
        assertThat(lines).extracting(LineReader.Line::number).containsExactly(1L, 2L, 3L, 4L);
        assertThat(lines).extracting(LineReader.Line::byteLength).containsExactly(3L, 3L, 0L, 4L);
        assertThat(lines.get(2).isBlank()).isTrue();
    }

    @Test
    void trailingNewlineDoesNotMakeAnExtraLineAndEmptyStreamHasNone() throws IOException {
        assertThat(texts(readAll(stream("a\nb\n"), 100))).containsExactly("a", "b");
        assertThat(readAll(stream(""), 100)).isEmpty();
    }

    @Test
    void stripsUtf8ByteOrderMarkOnlyAtTheStart() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] data = new byte[bom.length * 2 + 4];
        System.arraycopy(bom, 0, data, 0, 3);
        data[3] = 'a';
        data[4] = '\n';
        System.arraycopy(bom, 0, data, 5, 3);
        data[8] = 'b';
        List<LineReader.Line> lines = readAll(new ByteArrayInputStream(data, 0, 9), 100);
        assertThat(lines.get(0).bytes()).containsExactly('a');
        assertThat(lines.get(1).bytes()).containsExactly(0xEF, 0xBB, 0xBF, 'b');
        assertThat(readAll(new ByteArrayInputStream(bom), 100)).isEmpty();
    }

    @Test
    void lineOverTheCapIsConsumedButOnlyItsStartIsKept() throws IOException {
        String longLine = "x".repeat(5000);
        List<LineReader.Line> lines = readAll(stream("short\n" + longLine + "\r\nafter\n"), 100);
        assertThat(texts(lines)).hasSize(3);
        LineReader.Line big = lines.get(1);
        assertThat(big.tooLong()).isTrue();
        assertThat(big.byteLength()).isEqualTo(5000);
        assertThat(big.bytes().length).isLessThanOrEqualTo(LineReader.TOO_LONG_PREFIX_BYTES);
        assertThat(lines.get(0).tooLong()).isFalse();
        assertThat(texts(lines).get(2)).isEqualTo("after");
        assertThat(lines.get(2).number()).isEqualTo(3);
    }

    @Test
    void lineOfExactlyTheCapIsKeptEvenWithCarriageReturn() throws IOException {
        List<LineReader.Line> lines = readAll(stream("12345\r\n123456\n"), 5);
        assertThat(lines.get(0).tooLong()).isFalse();
        assertThat(texts(lines).get(0)).isEqualTo("12345");
        assertThat(lines.get(1).tooLong()).isTrue();
        assertThat(lines.get(1).byteLength()).isEqualTo(6);
    }

    @Test
    void hugeSingleLineStreamDoesNotExhaustMemory() throws IOException {
        // More than 2 GB of one line, generated on the fly: reading it must keep only the cap's worth of bytes,
        // and its length must not overflow an int.
        long size = Integer.MAX_VALUE + 1000L;
        InputStream endless = new InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                // The buffer's bytes are left as they are: the reader's own buffer holds no '\n'.
                int n = (int) Math.min(len, left);
                left -= n;
                return n;
            }
        };
        List<LineReader.Line> lines = readAll(endless, 1024);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).tooLong()).isTrue();
        assertThat(lines.get(0).byteLength()).isEqualTo(size);
    }

    @Test
    void readsCorrectlyWhenTheStreamDeliversOneByteAtATime() throws IOException {
        byte[] data = "\uFEFFfirst\r\nsecond line\nthird".getBytes(StandardCharsets.UTF_8);
        InputStream trickle = new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        assertThat(texts(readAll(trickle, 100))).containsExactly("first", "second line", "third");
    }
}
