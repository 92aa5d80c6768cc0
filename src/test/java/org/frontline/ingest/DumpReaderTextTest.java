package org.frontline.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.frontline.ingest.TestDumps.articles;
import static org.frontline.ingest.TestDumps.bytes;
import static org.frontline.ingest.TestDumps.onlyRejection;
import static org.frontline.ingest.TestDumps.read;
import static org.frontline.ingest.TestDumps.rejections;
import static org.frontline.ingest.TestDumps.resource;
import static org.frontline.ingest.TestDumps.utf8;

class DumpReaderTextTest {

    private static final String FILE = "/dumps/briefs.txt";

    private static List<IngestResult> text(Object... parts) {
        return read(bytes(parts), FILE, InputFormat.TEXT);
    }

    /** The original sample article, as the project ships it in data/. */
    private static java.io.InputStream sampleArticle() {
        try {
            return java.nio.file.Files.newInputStream(java.nio.file.Path.of(System.getProperty("frontline.home", "."),
                    "data", "sample-2024-08-07-kursk.txt"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void originalSampleFileIsExactlyOneArticle() {
        List<IngestResult> results = read(sampleArticle(), "/samples/2024-08-07-kursk.txt",
                InputFormat.TEXT, IngestOptions.defaults());
        assertThat(results).hasSize(1);
        Article a = (Article) results.get(0);
        assertThat(a.publishedDate()).isEqualTo(LocalDate.of(2024, 8, 7));
        assertThat(a.text()).startsWith("Russia said on Wednesday").endsWith("in Ukraine's northeast.");
        assertThat(a.text()).contains("\n\nCrucial juncture\n\n");
        assertThat(a.title()).isEmpty();
        assertThat(a.url()).isNull();
        assertThat(a.source()).isNull();
        assertThat(a.articleId()).isEqualTo("h-" + a.contentHash().substring(0, 16));
        assertThat(a.recordRef()).isEqualTo("2024-08-07-kursk.txt:1");
    }

    @Test
    void eachDateLineStartsANewArticleAndFollowingLinesBelongToIt() {
        List<IngestResult> results = read(resource("briefs.txt"), FILE, InputFormat.TEXT, IngestOptions.defaults());
        List<Article> articles = articles(results);
        assertThat(results).hasSize(2);
        assertThat(articles).extracting(Article::publishedDate)
                .containsExactly(LocalDate.of(2024, 10, 1), LocalDate.of(2024, 10, 2));
        assertThat(articles).extracting(Article::recordRef).containsExactly("briefs.txt:1", "briefs.txt:4");
        assertThat(articles.get(0).text()).isEqualTo("Ukraine's General Staff said its forces repelled 30 attacks"
                + " near Pokrovsk.\nFighting continued along the Donetsk front.");
        assertThat(articles.get(1).text()).isEqualTo("Russia's defence ministry said its troops liberated two"
                + " settlements.\n\nAnalysis\n\nThe Institute for the Study of War said the claims could not be verified.");
    }

    @Test
    void impossibleDateStartsAnArticleThatIsRejectedInvalidDate() {
        List<IngestResult> results = text("date 2024-08-01 First.\n", "date 2024-13-45 Second.\nMore.\n",
                "date 2024-08-03 Third.\n");
        assertThat(articles(results)).extracting(Article::text).containsExactly("First.", "Third.");
        Rejection r = onlyRejection(results, Reason.INVALID_DATE);
        assertThat(r.recordRef()).isEqualTo("briefs.txt:2");
        assertThat(r.detail()).contains("2024-13-45");
        assertThat(r.excerpt()).isEqualTo("date 2024-13-45 Second.\nMore.");
    }

    @Test
    void textBeforeTheFirstDateLineIsOneMissingDateRejection() {
        List<IngestResult> results = text("\n\nPreamble line one.\nline two\n\n", "date 2024-08-01 Article.\n");
        Rejection r = onlyRejection(results, Reason.MISSING_DATE);
        assertThat(r.recordRef()).isEqualTo("briefs.txt:3");
        assertThat(r.excerpt()).startsWith("Preamble line one.\nline two");
        assertThat(articles(results)).hasSize(1);
    }

    @Test
    void dateMarkerMustBeAtTheStartOfTheLine() {
        List<IngestResult> results = text("date 2024-08-01 Start.\n  date 2024-08-02 not a new article\n",
                "dated 2024-08-03 neither\n");
        assertThat(articles(results)).hasSize(1);
        assertThat(articles(results).get(0).text()).contains("date 2024-08-02").contains("dated 2024-08-03");
    }

    @Test
    void dateWithATimeIsParsedAndDateFollowedByDigitsIsInvalid() {
        List<IngestResult> results = text("date 2024-08-01T23:30:00-02:00 Late.\n", "date 2024-08-0712 Odd.\n");
        assertThat(articles(results)).extracting(Article::publishedDate).containsExactly(LocalDate.of(2024, 8, 2));
        assertThat(onlyRejection(results, Reason.INVALID_DATE).detail()).contains("2024-08-0712");
    }

    @Test
    void invalidUtf8LineRejectsOnlyItsArticle() {
        List<IngestResult> results = text("date 2024-08-01 Good one.\n",
                "date 2024-08-02 Bad one.\nsecond line ", new byte[]{(byte) 0xC3, (byte) 0x28}, "\n",
                "date 2024-08-03 Good three.\n");
        assertThat(articles(results)).extracting(Article::text).containsExactly("Good one.", "Good three.");
        Rejection r = onlyRejection(results, Reason.INVALID_ENCODING);
        assertThat(r.recordRef()).isEqualTo("briefs.txt:2");
        assertThat(r.detail()).contains("line 3").contains("byte offset 12");
        assertThat(r.excerpt()).contains("second line \\xc3(");
    }

    @Test
    void articleBeyondTheSizeLimitIsTooLargeAndNeighboursAreKept() {
        IngestOptions options = IngestOptions.defaults().withMaxTextChars(50);
        byte[] data = bytes("date 2024-08-01 Short.\n", "date 2024-08-02 ", "word ".repeat(10), "\n",
                "word ".repeat(10), "\n", "date 2024-08-03 Short too.\n");
        List<IngestResult> results = read(new ByteArrayInputStream(data), FILE, InputFormat.TEXT, options);
        assertThat(articles(results)).extracting(Article::text).containsExactly("Short.", "Short too.");
        Rejection r = onlyRejection(results, Reason.TOO_LARGE);
        assertThat(r.recordRef()).isEqualTo("briefs.txt:2");
        assertThat(r.detail()).contains("101").contains("50");
    }

    @Test
    void lineOverTheByteCapMakesItsArticleTooLargeButADateLineOverTheCapStillStartsOne() {
        IngestOptions options = IngestOptions.defaults().withMaxRecordBytes(64);
        byte[] data = bytes("date 2024-08-01 Short.\n", "date 2024-08-02 ", "x".repeat(200), "\n",
                "date 2024-08-03 Short too.\n");
        List<IngestResult> results = read(new ByteArrayInputStream(data), FILE, InputFormat.TEXT, options);
        assertThat(articles(results)).extracting(Article::text).containsExactly("Short.", "Short too.");
        assertThat(onlyRejection(results, Reason.TOO_LARGE).detail()).contains("216 bytes").contains("64 bytes");
    }

    @Test
    void dateLineWithoutTextAndNothingElseIsEmptyText() {
        List<IngestResult> results = text("date 2024-08-01\n\n", "date 2024-08-02 Text.\n");
        assertThat(rejections(results)).extracting(Rejection::reason).containsExactly(Reason.EMPTY_TEXT);
        assertThat(articles(results)).hasSize(1);
    }

    @Test
    void textOnNextLinesAfterABareDateLineIsTheArticle() {
        List<IngestResult> results = text("date 2024-08-01\nHeadline-less text\non two lines.\n");
        assertThat(articles(results)).extracting(Article::text).containsExactly("Headline-less text\non two lines.");
    }

    @Test
    void fieldMappingDoesNotBreakPlainText() {
        IngestOptions options = IngestOptions.defaults().withFields(FieldMapping.parse(List.of("date=path_date", "text=body")));
        List<IngestResult> results = read(new ByteArrayInputStream(utf8("date 2024-08-01 Mapped.\n")), FILE,
                InputFormat.TEXT, options);
        assertThat(articles(results)).extracting(Article::text).containsExactly("Mapped.");
    }
}
