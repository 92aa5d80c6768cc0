package org.frontline.ingest;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.frontline.ingest.TestDumps.articles;
import static org.frontline.ingest.TestDumps.onlyRejection;
import static org.frontline.ingest.TestDumps.read;
import static org.frontline.ingest.TestDumps.resource;
import static org.frontline.ingest.TestDumps.utf8;

/** Format-independent behaviour: compression, failing input, laziness, closing, Parquet. */
class DumpReaderTest {

    private static final String LINE = "{\"date\":\"2024-08-07\",\"text\":\"Article %d.\"}\n";

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] jsonLines(int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            sb.append(String.format(LINE, i));
        }
        return utf8(sb.toString());
    }

    @Test
    void gzipInputIsReadThroughTheJdkDecompressor() throws IOException {
        byte[] gz = gzip(jsonLines(3));
        List<IngestResult> results = read(new GZIPInputStream(new ByteArrayInputStream(gz)), "/d/wire.jsonl.gz",
                InputFormat.JSONL, IngestOptions.defaults());
        assertThat(articles(results)).extracting(Article::recordRef)
                .containsExactly("wire.jsonl.gz:1", "wire.jsonl.gz:2", "wire.jsonl.gz:3");
    }

    @Test
    void bzip2InputIsReadThroughHadoopsCodecAsSparkDoes() throws IOException {
        // briefs.txt.bz2 was made with the bzip2 command from briefs.txt.
        CompressionCodec codec = new CompressionCodecFactory(new Configuration()).getCodec(new Path("briefs.txt.bz2"));
        assertThat(codec).isNotNull();
        List<IngestResult> results = read(codec.createInputStream(resource("briefs.txt.bz2")), "/d/briefs.txt.bz2",
                InputFormat.TEXT, IngestOptions.defaults());
        assertThat(articles(results)).extracting(Article::publishedDate)
                .containsExactly(LocalDate.of(2024, 10, 1), LocalDate.of(2024, 10, 2));
    }

    @Test
    void truncatedGzipEndsWithOneUnreadableFileRejectionKeepingEarlierRecords() throws IOException {
        byte[] gz = gzip(jsonLines(5000));
        byte[] truncated = Arrays.copyOf(gz, gz.length / 2);
        List<IngestResult> results = read(new GZIPInputStream(new ByteArrayInputStream(truncated)), "/d/big.jsonl.gz",
                InputFormat.JSONL, IngestOptions.defaults());
        List<Article> articles = articles(results);
        assertThat(articles).isNotEmpty();
        assertThat(articles.get(0).text()).isEqualTo("Article 1.");
        Rejection r = onlyRejection(results, Reason.UNREADABLE_FILE);
        assertThat(results.get(results.size() - 1)).isSameAs(r);
        assertThat(r.recordRef()).startsWith("big.jsonl.gz:");
        assertThat(r.detail()).contains("cannot read past line").contains("EOFException");
    }

    @Test
    void ioErrorInTheMiddleOfATextFileNamesTheLineReachedAndTheIncompleteArticle() {
        byte[] data = utf8("date 2024-08-01 One.\ndate 2024-08-02 Two starts\nand goes on");
        InputStream failing = new FailingAfter(data, data.length - 3);
        List<IngestResult> results = read(failing, "/d/t.txt", InputFormat.TEXT, IngestOptions.defaults());
        assertThat(articles(results)).extracting(Article::text).containsExactly("One.");
        Rejection r = onlyRejection(results, Reason.UNREADABLE_FILE);
        assertThat(r.recordRef()).isEqualTo("t.txt:2");
        assertThat(r.detail()).contains("disk gone").contains("record starting at line 2 is incomplete");
    }

    @Test
    void readingIsLazyOnAnEndlessStream() {
        InputStream endless = new InputStream() {
            private final byte[] line = utf8(String.format(LINE, 0));
            private long position;

            @Override
            public int read() {
                return line[(int) (position++ % line.length)];
            }
        };
        ResultIterator it = new DumpReader(IngestOptions.defaults()).read(endless, "/d/endless.jsonl", InputFormat.JSONL);
        for (int i = 1; i <= 1000; i++) {
            Article a = (Article) it.next();
            assertThat(a.recordRef()).isEqualTo("endless.jsonl:" + i);
        }
    }

    @Test
    void iteratorClosesTheStreamAtTheEndAndOnClose() throws IOException {
        CloseTracking atEnd = new CloseTracking(jsonLines(2));
        ResultIterator it = new DumpReader(IngestOptions.defaults()).read(atEnd, "/d/a.jsonl", InputFormat.JSONL);
        it.next();
        assertThat(atEnd.closed).isFalse();
        it.next();
        assertThat(it.hasNext()).isFalse();
        assertThat(atEnd.closed).isTrue();

        CloseTracking early = new CloseTracking(jsonLines(5));
        ResultIterator it2 = new DumpReader(IngestOptions.defaults()).read(early, "/d/a.jsonl", InputFormat.JSONL);
        it2.next();
        it2.close();
        assertThat(early.closed).isTrue();
        assertThat(it2.hasNext()).isFalse();
    }

    @Test
    void parquetIsNotReadHere() {
        DumpReader reader = new DumpReader(IngestOptions.defaults());
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(new byte[0]), "/d/a.parquet", InputFormat.PARQUET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Spark");
    }

    @Test
    void everyReasonCodeIsTheLowercaseName() {
        assertThat(Reason.MALFORMED_JSON.code()).isEqualTo("malformed_json");
        assertThat(Reason.UNREADABLE_FILE.code()).isEqualTo("unreadable_file");
    }

    /** Delivers some bytes, then fails like a lost disk. */
    private static final class FailingAfter extends InputStream {
        private final byte[] data;
        private final int failAt;
        private int position;

        FailingAfter(byte[] data, int failAt) {
            this.data = data;
            this.failAt = failAt;
        }

        @Override
        public int read() throws IOException {
            if (position >= failAt) {
                throw new IOException("disk gone");
            }
            return data[position++] & 0xFF;
        }
    }

    private static final class CloseTracking extends ByteArrayInputStream {
        boolean closed;

        CloseTracking(byte[] data) {
            super(data);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
