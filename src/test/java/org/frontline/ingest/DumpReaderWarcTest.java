package org.frontline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.frontline.ingest.TestDumps.articles;
import static org.frontline.ingest.TestDumps.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.netpreserve.jwarc.WarcCompression;

/** Web archives through {@link DumpReader}: a crawl written with jwarc ({@link WebArchiveFixture}), gzipped and not. */
class DumpReaderWarcTest {

    @TempDir
    Path dir;

    private List<IngestResult> readCrawl(WarcCompression compression, IngestOptions options) throws IOException {
        Path file = dir.resolve(compression == WarcCompression.GZIP ? "crawl.warc.gz" : "crawl.warc");
        WebArchiveFixture.write(file, compression);
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), InputFormat.WARC, options);
        }
    }

    @ParameterizedTest
    @EnumSource(value = WarcCompression.class, names = {"NONE", "GZIP"})
    void everyContentRecordIsAnArticleOrARejectionWithItsReason(WarcCompression compression) throws IOException {
        List<IngestResult> results = readCrawl(compression, IngestOptions.defaults());

        assertThat(results).hasSize(WebArchiveFixture.CONTENT_RECORDS); // warcinfo and request records are not content
        Map<String, Article> byUrl = articles(results).stream().collect(Collectors.toMap(Article::url, Function.identity()));
        assertThat(byUrl).hasSize(WebArchiveFixture.ARTICLES);

        Article first = byUrl.get(WebArchiveFixture.FIRST);
        assertThat(first.publishedDate()).isEqualTo(LocalDate.of(2025, 5, 2));
        assertThat(first.dateSource()).isEqualTo(DateSource.PAGE_METADATA);
        assertThat(first.title()).isEqualTo("Russian forces advance 4 km near Pokrovsk, Ukraine says");
        assertThat(first.text()).startsWith("Russian forces have advanced 4 km near Pokrovsk")
                .doesNotContain("cookies", "Home", "All rights reserved", "analytics");
        assertThat(first.source()).isEqualTo("Example News");
        assertThat(first.language()).isEqualTo("en");
        assertThat(first.recordRef()).matches("crawl\\.warc(\\.gz)?@\\d+");

        assertThat(byUrl.get(WebArchiveFixture.SECOND).publishedDate()).isEqualTo(LocalDate.of(2025, 5, 3));
        assertThat(byUrl.get(WebArchiveFixture.SECOND).dateSource()).isEqualTo(DateSource.URL);
        assertThat(byUrl.get(WebArchiveFixture.THIRD).publishedDate()).isEqualTo(LocalDate.of(2025, 5, 4));
        assertThat(byUrl.get(WebArchiveFixture.THIRD).dateSource()).isEqualTo(DateSource.CRAWL_TIME);
        Article converted = byUrl.get("https://wire.example.net/world/black-sea-grain");
        assertThat(converted.dateSource()).isEqualTo(DateSource.CRAWL_TIME);
        assertThat(converted.title()).isEmpty();
        assertThat(converted.text()).startsWith("Ukraine said its Black Sea corridor");

        Map<Reason, Long> reasons = results.stream().filter(r -> r instanceof Rejection)
                .collect(Collectors.groupingBy(r -> ((Rejection) r).reason(), Collectors.counting()));
        assertThat(reasons).containsExactlyInAnyOrderEntriesOf(Map.of(
                Reason.OTHER_LANGUAGE, 1L, Reason.HTTP_STATUS, 1L, Reason.NOT_HTML, 1L, Reason.ROBOTS_TXT, 1L,
                Reason.DUPLICATE_PAYLOAD, 2L));
        for (IngestResult r : results) {
            if (r instanceof Rejection rejection) {
                assertThat(rejection.lineNumber()).isNull();
                assertThat(rejection.recordRef()).contains("@");
                assertThat(rejection.detail()).isNotBlank();
            }
        }
        Rejection notFound = rejection(results, Reason.HTTP_STATUS);
        assertThat(notFound.detail()).isEqualTo("HTTP 404 Not Found");
        assertThat(notFound.excerpt()).contains("https://news.example.org/missing");
        assertThat(rejection(results, Reason.NOT_HTML).detail()).isEqualTo("content type image/png");
        assertThat(rejection(results, Reason.OTHER_LANGUAGE).detail()).startsWith("language pl");
    }

    @ParameterizedTest
    @EnumSource(value = WarcCompression.class, names = {"NONE", "GZIP"})
    void aRecordsRefIsTheByteOffsetWhereItStarts(WarcCompression compression) throws IOException {
        List<IngestResult> results = readCrawl(compression, IngestOptions.defaults());
        byte[] file = Files.readAllBytes(dir.resolve(compression == WarcCompression.GZIP ? "crawl.warc.gz" : "crawl.warc"));
        for (IngestResult r : results) {
            String ref = r instanceof Article a ? a.recordRef() : ((Rejection) r).recordRef();
            int offset = Integer.parseInt(ref.substring(ref.indexOf('@') + 1));
            if (compression == WarcCompression.GZIP) {
                assertThat(new byte[] {file[offset], file[offset + 1]}).as(ref).containsExactly(0x1f, 0x8b); // a member
            } else {
                assertThat(new String(file, offset, 5, java.nio.charset.StandardCharsets.US_ASCII)).as(ref).isEqualTo("WARC/");
            }
        }
    }

    @Test
    void aPayloadOverTheLimitIsRejectedWithoutBeingHeld() throws IOException {
        List<IngestResult> results = readCrawl(WarcCompression.GZIP, IngestOptions.defaults().withMaxRecordBytes(300));
        assertThat(articles(results)).hasSize(1); // the conversion's text is under 300 bytes; every page is over
        assertThat(results.stream().filter(r -> r instanceof Rejection j && j.reason() == Reason.TOO_LARGE)).hasSize(4);
    }

    @Test
    void aCutArchiveKeepsTheRecordsBeforeTheCut() throws IOException {
        Path file = dir.resolve("cut.warc");
        WebArchiveFixture.write(file, WarcCompression.NONE);
        byte[] all = Files.readAllBytes(file);
        byte[] cut = java.util.Arrays.copyOf(all, all.length * 2 / 3);
        List<IngestResult> results = read(cut, "/crawls/cut.warc", InputFormat.WARC);
        assertThat(articles(results)).isNotEmpty();
        IngestResult last = results.get(results.size() - 1);
        assertThat(last).isInstanceOf(Rejection.class);
        assertThat(((Rejection) last).reason()).isEqualTo(Reason.UNREADABLE_FILE);
        assertThat(((Rejection) last).detail()).contains("byte offset");
    }

    private static Rejection rejection(List<IngestResult> results, Reason reason) {
        return results.stream().filter(r -> r instanceof Rejection j && j.reason() == reason).map(r -> (Rejection) r)
                .findFirst().orElseThrow();
    }
}
