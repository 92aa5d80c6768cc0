package org.frontline.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Small helpers shared by the reader tests: build dumps in memory, read them, pick results apart. */
final class TestDumps {

    private TestDumps() {
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Concatenates text and raw bytes: Strings as UTF-8, byte[] as they are. */
    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            byte[] b = part instanceof byte[] raw ? raw : utf8((String) part);
            out.write(b, 0, b.length);
        }
        return out.toByteArray();
    }

    static List<IngestResult> read(byte[] data, String sourceFile, InputFormat format) {
        return read(new ByteArrayInputStream(data), sourceFile, format, IngestOptions.defaults());
    }

    static List<IngestResult> read(InputStream in, String sourceFile, InputFormat format, IngestOptions options) {
        List<IngestResult> results = new ArrayList<>();
        Iterator<IngestResult> it = new DumpReader(options).read(in, sourceFile, format);
        it.forEachRemaining(results::add);
        return results;
    }

    static InputStream resource(String name) {
        InputStream in = TestDumps.class.getResourceAsStream(name);
        assertThat(in).as("test resource " + name).isNotNull();
        return in;
    }

    static byte[] resourceBytes(String name) {
        try (InputStream in = resource(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Article> articles(List<IngestResult> results) {
        return results.stream().filter(Article.class::isInstance).map(Article.class::cast).toList();
    }

    static List<Rejection> rejections(List<IngestResult> results) {
        return results.stream().filter(Rejection.class::isInstance).map(Rejection.class::cast).toList();
    }

    static Rejection onlyRejection(List<IngestResult> results, Reason reason) {
        List<Rejection> rejections = rejections(results);
        assertThat(rejections).extracting(Rejection::reason).containsExactly(reason);
        return rejections.get(0);
    }
}
