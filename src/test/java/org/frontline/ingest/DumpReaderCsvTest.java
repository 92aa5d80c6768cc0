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

class DumpReaderCsvTest {

    private static final String FILE = "s3a://bucket/reports.csv";
    private static final String HEADER = "id,date,title,text,url,source\n";

    private static List<IngestResult> csv(Object... parts) {
        return read(bytes(parts), FILE, InputFormat.CSV);
    }

    @Test
    void quotedFieldsWithCommasEscapedQuotesAndNewlinesAreRead() {
        List<IngestResult> results = read(resource("reports.csv"), FILE, InputFormat.CSV, IngestOptions.defaults());
        List<Article> articles = articles(results);
        assertThat(results).hasSize(2);
        assertThat(articles).extracting(Article::articleId).containsExactly("r-1", "r-2");
        assertThat(articles.get(0).text())
                .isEqualTo("Ships left Odesa, the port said, carrying \"record\" loads.\nMore ships are expected.");
        assertThat(articles.get(0).source()).isEqualTo("example.org");
        assertThat(articles.get(1).source()).isEqualTo("Example Wire");
        assertThat(articles.get(1).url()).isNull();
        assertThat(articles).extracting(Article::recordRef).containsExactly("reports.csv:2", "reports.csv:4");
        assertThat(articles).extracting(Article::publishedDate)
                .containsExactly(LocalDate.of(2024, 11, 5), LocalDate.of(2024, 11, 6));
    }

    @Test
    void headerOnlyFileYieldsNothingAndBlankLinesAreNotRecords() {
        assertThat(csv(HEADER)).isEmpty();
        assertThat(csv("")).isEmpty();
        List<IngestResult> results = csv(HEADER, "\n", "a,2024-08-01,T,Text,,\n", "\r\n\n");
        assertThat(articles(results)).hasSize(1);
        assertThat(articles(results).get(0).recordRef()).isEqualTo("reports.csv:3");
    }

    @Test
    void wrongFieldCountIsMalformedCsvAndNeighboursAreKept() {
        List<IngestResult> results = csv(HEADER, "a,2024-08-01,T,Text,,\n", "b,2024-08-01,T,\"Text, with\",extra,,\n",
                "c,2024-08-01,T,Text\n", "d,2024-08-01,T,Text,,\n");
        assertThat(articles(results)).extracting(Article::articleId).containsExactly("a", "d");
        List<Rejection> rejections = rejections(results);
        assertThat(rejections).extracting(Rejection::reason).containsOnly(Reason.MALFORMED_CSV);
        assertThat(rejections).extracting(Rejection::recordRef).containsExactly("reports.csv:3", "reports.csv:4");
        assertThat(rejections.get(0).detail()).contains("7 fields").contains("header has 6");
        assertThat(rejections.get(1).detail()).contains("4 fields");
    }

    @Test
    void unterminatedQuoteAtEndOfFileIsMalformedCsvKeepingEarlierRecords() {
        List<IngestResult> results = csv(HEADER, "a,2024-08-01,T,Text,,\n", "b,2024-08-01,T,\"never closed,\n",
                "more text\n");
        assertThat(articles(results)).extracting(Article::articleId).containsExactly("a");
        Rejection r = onlyRejection(results, Reason.MALFORMED_CSV);
        assertThat(r.recordRef()).isEqualTo("reports.csv:3");
        assertThat(r.detail()).contains("unterminated quote").contains("line 3");
        assertThat(r.excerpt()).isEqualTo("b,2024-08-01,T,\"never closed,\nmore text");
    }

    @Test
    void invalidUtf8InAnyLineOfARecordIsInvalidEncodingAndParsingContinues() {
        List<IngestResult> results = csv(HEADER, "a,2024-08-01,T,\"first line\nsecond ", new byte[]{(byte) 0xFF},
                " line, still quoted\",,\n", "b,2024-08-01,T,Text,,\n");
        assertThat(articles(results)).extracting(Article::articleId).containsExactly("b");
        Rejection r = onlyRejection(results, Reason.INVALID_ENCODING);
        assertThat(r.recordRef()).isEqualTo("reports.csv:2");
        assertThat(r.detail()).contains("line 3").contains("byte offset 7");
    }

    @Test
    void columnsAreMatchedByHeaderNameInAnyOrderAndMappingApplies() {
        IngestOptions options = IngestOptions.defaults()
                .withFields(FieldMapping.parse(List.of("date=published", "text=body")));
        byte[] data = utf8(" body , extra,published\n\"Body, quoted\",x,2025-02-03\n");
        List<IngestResult> results = read(new ByteArrayInputStream(data), FILE, InputFormat.CSV, options);
        Article a = articles(results).get(0);
        assertThat(a.text()).isEqualTo("Body, quoted");
        assertThat(a.publishedDate()).isEqualTo(LocalDate.of(2025, 2, 3));
    }

    @Test
    void validatorReasonsApplyToCsvRecords() {
        List<IngestResult> results = csv(HEADER, "a,,T,Text,,\n", "b,someday,T,Text,,\n", "c,2024-08-01,,,,\n");
        assertThat(rejections(results)).extracting(Rejection::reason)
                .containsExactly(Reason.MISSING_DATE, Reason.INVALID_DATE, Reason.EMPTY_TEXT);
    }

    @Test
    void recordOverTheByteCapIsTooLargeAndTheNextRecordIsStillFound() {
        IngestOptions options = IngestOptions.defaults().withMaxRecordBytes(80);
        byte[] data = bytes(HEADER, "a,2024-08-01,T,\"", "long line\n".repeat(20), "\",,\n", "b,2024-08-01,T,Text,,\n");
        List<IngestResult> results = read(new ByteArrayInputStream(data), FILE, InputFormat.CSV, options);
        assertThat(articles(results)).extracting(Article::articleId).containsExactly("b");
        assertThat(onlyRejection(results, Reason.TOO_LARGE).recordRef()).isEqualTo("reports.csv:2");
    }

    @Test
    void quoteInsideAnUnquotedFieldIsKeptAsWritten() {
        List<IngestResult> results = csv(HEADER, "a,2024-08-01,T,A 15\" screen,,\n");
        assertThat(articles(results)).extracting(Article::text).containsExactly("A 15\" screen");
    }

    @Test
    void unusableHeaderIsReportedOnceAndTheRestIsNotRead() {
        List<IngestResult> results = csv("id,\"date\n", "a,2024-08-01\n");
        Rejection r = onlyRejection(results, Reason.MALFORMED_CSV);
        assertThat(r.detail()).contains("header").contains("not read");
    }
}
