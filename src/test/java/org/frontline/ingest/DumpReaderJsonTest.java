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
import static org.frontline.ingest.TestDumps.utf8;

class DumpReaderJsonTest {

    private static final String FILE = "hdfs://nn/dumps/2024/articles.jsonl";

    private static List<IngestResult> jsonl(Object... parts) {
        return read(bytes(parts), FILE, InputFormat.JSONL);
    }

    @Test
    void readsOneArticlePerLineWithRecordRefOfFileNameAndLine() {
        List<IngestResult> results = jsonl(
                "{\"id\":\"a1\",\"date\":\"2024-08-07\",\"title\":\"T1\",\"text\":\"Text one.\",\"url\":\"https://www.bbc.co.uk/x\"}\n",
                "\n",
                "{\"id\":\"a2\",\"date\":\"2024-08-08 12:00:00\",\"title\":\"T2\",\"text\":\"Text two.\",\"source\":\"Wire\"}\n");
        List<Article> articles = articles(results);
        assertThat(results).hasSize(2);
        assertThat(articles).extracting(Article::articleId).containsExactly("a1", "a2");
        assertThat(articles).extracting(Article::recordRef).containsExactly("articles.jsonl:1", "articles.jsonl:3");
        assertThat(articles).extracting(Article::sourceFile).containsOnly(FILE);
        assertThat(articles.get(0).source()).isEqualTo("bbc.co.uk");
        assertThat(articles.get(1).publishedDate()).isEqualTo(LocalDate.of(2024, 8, 8));
    }

    @Test
    void numbersAndBooleansAreReadAsTextNullAsMissingAndExtraFieldsIgnored() {
        List<IngestResult> results = jsonl("{\"id\":12345,\"date\":\"2024-08-07\",\"title\":null,\"text\":true,"
                + "\"extra\":{\"deep\":[1,2,{\"x\":null}]},\"tags\":[\"a\"]}\n");
        Article a = articles(results).get(0);
        assertThat(a.articleId()).isEqualTo("12345");
        assertThat(a.title()).isEmpty();
        assertThat(a.text()).isEqualTo("true");
    }

    @Test
    void notJsonIsMalformedJsonWithAShortParserMessageAndNeighboursAreKept() {
        List<IngestResult> results = jsonl(
                "{\"date\":\"2024-08-07\",\"text\":\"before\"}\n",
                "{\"date\":\"2024-08-07\",\"text\":\"unterminated\n",
                "{\"date\":\"2024-08-07\",\"text\":\"after\"}\n");
        assertThat(articles(results)).extracting(Article::text).containsExactly("before", "after");
        Rejection r = onlyRejection(results, Reason.MALFORMED_JSON);
        assertThat(r.recordRef()).isEqualTo("articles.jsonl:2");
        assertThat(r.lineNumber()).isEqualTo(2L);
        assertThat(r.detail()).isNotBlank().hasSizeLessThan(250).doesNotContain("Source:");
        assertThat(r.excerpt()).startsWith("{\"date\":\"2024-08-07\",\"text\":\"unterminated");
    }

    @Test
    void jsonThatIsNotAnObjectOrHasTrailingContentIsMalformedJson() {
        List<IngestResult> results = jsonl("[1,2]\n", "\"just a string\"\n",
                "{\"date\":\"2024-08-07\",\"text\":\"x\"} {\"again\":1}\n", "{\"date\":\"2024-08-07\",\"text\":\"x\"} junk\n");
        assertThat(rejections(results)).extracting(Rejection::reason).containsOnly(Reason.MALFORMED_JSON).hasSize(4);
        assertThat(rejections(results).get(0).detail()).contains("expected a JSON object").contains("array");
        assertThat(rejections(results).get(2).detail()).contains("after the JSON object");
    }

    @Test
    void objectOrArrayWhereAMappedFieldIsExpectedIsInvalidField() {
        List<IngestResult> results = jsonl(
                "{\"date\":\"2024-08-07\",\"text\":{\"html\":\"<p>x</p>\"}}\n",
                "{\"date\":\"2024-08-07\",\"text\":\"ok\",\"title\":[\"a\",\"b\"]}\n");
        List<Rejection> rejections = rejections(results);
        assertThat(rejections).extracting(Rejection::reason).containsOnly(Reason.INVALID_FIELD);
        assertThat(rejections.get(0).detail()).contains("'text'").contains("object");
        assertThat(rejections.get(1).detail()).contains("'title'").contains("array");
    }

    @Test
    void invalidUtf8LineYieldsOneInvalidEncodingRejectionAndKeepsNeighbours() {
        List<IngestResult> results = jsonl(
                "{\"date\":\"2024-08-07\",\"text\":\"one\"}\n",
                "{\"date\":\"2024-08-07\",\"text\":\"bad ", new byte[]{(byte) 0xFF, (byte) 0xFE}, "\"}\n",
                "{\"date\":\"2024-08-07\",\"text\":\"three\"}\n");
        assertThat(articles(results)).extracting(Article::text).containsExactly("one", "three");
        Rejection r = onlyRejection(results, Reason.INVALID_ENCODING);
        assertThat(r.recordRef()).isEqualTo("articles.jsonl:2");
        assertThat(r.detail()).contains("byte offset 33");
        assertThat(r.excerpt()).contains("bad \\xff\\xfe");
    }

    @Test
    void lineOverTheByteCapIsTooLargeWithoutBeingParsed() {
        IngestOptions options = IngestOptions.defaults().withMaxRecordBytes(100);
        String big = "{\"date\":\"2024-08-07\",\"text\":\"" + "x".repeat(500) + "\"}\n";
        List<IngestResult> results = read(new ByteArrayInputStream(bytes(big, "{\"date\":\"2024-08-07\",\"text\":\"ok\"}\n")),
                FILE, InputFormat.JSONL, options);
        Rejection r = onlyRejection(results, Reason.TOO_LARGE);
        assertThat(r.detail()).contains("531 bytes").contains("100 bytes");
        assertThat(r.excerpt()).startsWith("{\"date\"").hasSizeLessThanOrEqualTo(200);
        assertThat(articles(results)).hasSize(1);
    }

    @Test
    void textOverTheCharacterLimitIsTooLarge() {
        IngestOptions options = IngestOptions.defaults().withMaxTextChars(20);
        List<IngestResult> results = read(new ByteArrayInputStream(utf8(
                "{\"date\":\"2024-08-07\",\"title\":\"0123456789\",\"text\":\"0123456789x\"}\n")), FILE, InputFormat.JSONL, options);
        assertThat(onlyRejection(results, Reason.TOO_LARGE).detail()).contains("21").contains("20");
    }

    @Test
    void validatorReasonsComeThroughWithTheirLine() {
        List<IngestResult> results = jsonl(
                "{\"text\":\"no date\"}\n",
                "{\"date\":\"2024-02-30\",\"text\":\"bad date\"}\n",
                "{\"date\":\"2024-08-07\",\"title\":\" \",\"text\":\"<p> </p>\"}\n");
        assertThat(rejections(results)).extracting(Rejection::reason)
                .containsExactly(Reason.MISSING_DATE, Reason.INVALID_DATE, Reason.EMPTY_TEXT);
        assertThat(rejections(results)).extracting(Rejection::recordRef)
                .containsExactly("articles.jsonl:1", "articles.jsonl:2", "articles.jsonl:3");
        assertThat(rejections(results).get(1).detail()).contains("2024-02-30");
    }

    @Test
    void fieldMappingReadsRenamedFields() {
        IngestOptions options = IngestOptions.defaults().withFields(FieldMapping.parse(List.of("date=path_date")));
        List<IngestResult> results = read(new ByteArrayInputStream(utf8(
                "{\"path_date\":\"2025-03-01\",\"text\":\"Mapped.\"}\n{\"date\":\"2025-03-01\",\"text\":\"Unmapped.\"}\n")),
                FILE, InputFormat.JSONL, options);
        assertThat(articles(results)).extracting(Article::publishedDate).containsExactly(LocalDate.of(2025, 3, 1));
        assertThat(onlyRejection(results, Reason.MISSING_DATE).detail()).contains("path_date");
    }

    @Test
    void objectFieldUnderAMappedNameIsInvalidButUnderTheOldNameIsIgnored() {
        IngestOptions options = IngestOptions.defaults().withFields(FieldMapping.parse(List.of("text=body")));
        List<IngestResult> results = read(new ByteArrayInputStream(utf8(
                "{\"date\":\"2025-03-01\",\"body\":\"Body.\",\"text\":{\"not\":\"read\"}}\n")),
                FILE, InputFormat.JSONL, options);
        assertThat(articles(results)).extracting(Article::text).containsExactly("Body.");
    }

    @Test
    void byteOrderMarkAndCrlfLineEndingsAreHandled() {
        List<IngestResult> results = jsonl(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "{\"date\":\"2024-08-07\",\"text\":\"one\"}\r\n{\"date\":\"2024-08-07\",\"text\":\"two\"}\r\n");
        assertThat(articles(results)).extracting(Article::text).containsExactly("one", "two");
    }

    @Test
    void jsonArrayFileIsStreamedElementByElementWithTheLineWhereEachStarts() {
        List<IngestResult> results = read(new java.io.ByteArrayInputStream(TestDumps.resourceBytes("articles-array.json")),
                "/data/articles-array.json", InputFormat.JSONL, IngestOptions.defaults());
        assertThat(results).hasSize(5);
        assertThat(articles(results)).extracting(Article::articleId).containsExactly("arr-1", "arr-2");
        assertThat(articles(results)).extracting(Article::recordRef)
                .containsExactly("articles-array.json:2", "articles-array.json:4");
        assertThat(articles(results).get(0).source()).isEqualTo("example.com");
        assertThat(rejections(results)).extracting(Rejection::reason)
                .containsExactly(Reason.MISSING_DATE, Reason.MALFORMED_JSON, Reason.INVALID_FIELD);
        assertThat(rejections(results)).extracting(Rejection::recordRef)
                .containsExactly("articles-array.json:7", "articles-array.json:8", "articles-array.json:9");
        assertThat(rejections(results).get(0).excerpt()).contains("\"id\": \"arr-3\"");
    }

    @Test
    void invalidUtf8InsideAJsonArrayFailsTheRestOfTheFileButKeepsEarlierRecords() {
        byte[] data = bytes("[\n{\"date\":\"2024-08-07\",\"text\":\"kept\"},\n",
                "{\"date\":\"2024-08-07\",\"text\":\"bad ", new byte[]{(byte) 0xFF}, "\"},\n",
                "{\"date\":\"2024-08-07\",\"text\":\"lost\"}\n]\n");
        List<IngestResult> results = read(data, "/d/a.json", InputFormat.JSONL);
        assertThat(articles(results)).extracting(Article::text).containsExactly("kept");
        Rejection r = onlyRejection(results, Reason.UNREADABLE_FILE);
        assertThat(r.recordRef()).isEqualTo("a.json:3");
        assertThat(r.detail()).contains("rest of the file");
    }

    @Test
    void truncatedJsonArrayEndsWithOneUnreadableFileRejection() {
        byte[] data = utf8("  [{\"date\":\"2024-08-07\",\"text\":\"kept\"},\n{\"date\":\"2024-08-07\",\"te");
        List<IngestResult> results = read(data, "/d/a.json", InputFormat.JSONL);
        assertThat(articles(results)).extracting(Article::text).containsExactly("kept");
        onlyRejection(results, Reason.UNREADABLE_FILE);
    }

    @Test
    void jsonLinesFileStartingWithAnArrayLineIsReadLineByLine() {
        List<IngestResult> results = jsonl("[{\"date\":\"2024-08-07\",\"text\":\"in array\"}]\n",
                "{\"date\":\"2024-08-07\",\"text\":\"next line\"}\n");
        assertThat(onlyRejection(results, Reason.MALFORMED_JSON).recordRef()).isEqualTo("articles.jsonl:1");
        assertThat(articles(results)).extracting(Article::text).containsExactly("next line");
    }

    @Test
    void compressedJsonArrayFileIsRecognisedByItsNameWithoutTheSuffix() {
        List<IngestResult> results = read(utf8("[{\"date\":\"2024-08-07\",\"text\":\"x\"}]"), "/d/a.JSON.gz",
                InputFormat.JSONL);
        assertThat(articles(results)).extracting(Article::recordRef).containsExactly("a.JSON.gz:1");
    }

    @Test
    void emptyFileAndEmptyArrayYieldNothing() {
        assertThat(read(new byte[0], "/d/a.jsonl", InputFormat.JSONL)).isEmpty();
        assertThat(read(utf8("\n\n  \n"), "/d/a.jsonl", InputFormat.JSONL)).isEmpty();
        assertThat(read(utf8(" [ ]\n"), "/d/a.json", InputFormat.JSONL)).isEmpty();
    }
}
