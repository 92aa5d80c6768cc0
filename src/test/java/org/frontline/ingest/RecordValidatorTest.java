package org.frontline.ingest;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RecordValidatorTest {

    private final RecordValidator validator = new RecordValidator(IngestOptions.defaults());

    private static RawRecord record(String... keyValues) {
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            fields.put(keyValues[i], keyValues[i + 1]);
        }
        return new RawRecord("/dumps/in.jsonl", "in.jsonl:7", 7L, fields, "{raw excerpt}");
    }

    private static Rejection rejected(IngestResult result, Reason reason) {
        assertThat(result).isInstanceOf(Rejection.class);
        Rejection r = (Rejection) result;
        assertThat(r.reason()).isEqualTo(reason);
        assertThat(r.sourceFile()).isEqualTo("/dumps/in.jsonl");
        assertThat(r.recordRef()).isEqualTo("in.jsonl:7");
        assertThat(r.lineNumber()).isEqualTo(7L);
        assertThat(r.excerpt()).isEqualTo("{raw excerpt}");
        return r;
    }

    @Test
    void completeRecordBecomesACleanedArticle() {
        IngestResult result = validator.validate(record("id", " a-1 ", "date", "2024-08-07T10:00:00+03:00",
                "title", "<b>Kursk</b> incursion", "text", "Ukrainian forces **advanced** 10 km.\n\n---",
                "url", "https://www.Reuters.com/world/x", "source", "Reuters"));
        Article a = (Article) result;
        assertThat(a.articleId()).isEqualTo("a-1");
        assertThat(a.publishedDate()).isEqualTo(LocalDate.of(2024, 8, 7));
        assertThat(a.title()).isEqualTo("Kursk incursion");
        assertThat(a.text()).isEqualTo("Ukrainian forces advanced 10 km.");
        assertThat(a.source()).isEqualTo("Reuters");
        assertThat(a.url()).isEqualTo("https://www.Reuters.com/world/x");
        assertThat(a.contentHash()).isEqualTo(ContentHash.of("Kursk incursion", "Ukrainian forces advanced 10 km."));
        assertThat(a.sourceFile()).isEqualTo("/dumps/in.jsonl");
        assertThat(a.recordRef()).isEqualTo("in.jsonl:7");
    }

    @Test
    void missingOrBlankDateIsMissingDate() {
        assertThat(rejected(validator.validate(record("text", "x")), Reason.MISSING_DATE).detail())
                .contains("'date'");
        rejected(validator.validate(record("date", "  ", "text", "x")), Reason.MISSING_DATE);
    }

    @Test
    void unparseableOrOutOfRangeDateIsInvalidDateWithTheValueInTheDetail() {
        assertThat(rejected(validator.validate(record("date", "16/07/2024", "text", "x")), Reason.INVALID_DATE)
                .detail()).contains("16/07/2024");
        assertThat(rejected(validator.validate(record("date", "2999-01-01", "text", "x")), Reason.INVALID_DATE)
                .detail()).contains("2999-01-01").contains("out of range");
    }

    @Test
    void dateIsCheckedBeforeText() {
        rejected(validator.validate(record("date", "nope")), Reason.INVALID_DATE);
    }

    @Test
    void rawTitlePlusTextOverTheLimitIsTooLargeWithLengthAndLimit() {
        RecordValidator small = new RecordValidator(IngestOptions.defaults().withMaxTextChars(10));
        Rejection r = rejected(small.validate(record("date", "2024-08-07", "title", "12345", "text", "678901")),
                Reason.TOO_LARGE);
        assertThat(r.detail()).contains("11").contains("10");
        assertThat(small.validate(record("date", "2024-08-07", "title", "12345", "text", "67890")))
                .isInstanceOf(Article.class);
    }

    @Test
    void nothingLeftAfterCleanUpIsEmptyText() {
        rejected(validator.validate(record("date", "2024-08-07")), Reason.EMPTY_TEXT);
        Rejection r = rejected(validator.validate(record("date", "2024-08-07", "title", "<p></p>",
                "text", "<div>&nbsp;</div>\n---\n")), Reason.EMPTY_TEXT);
        assertThat(r.detail()).contains("clean-up");
    }

    @Test
    void headlineWithoutTextIsKept() {
        Article a = (Article) validator.validate(record("date", "2024-08-07", "title", "Russia says it took Krynky"));
        assertThat(a.title()).isEqualTo("Russia says it took Krynky");
        assertThat(a.text()).isEmpty();
    }

    @Test
    void missingTitleBecomesEmptyAndMissingIdIsDerivedFromTheHash() {
        Article a = (Article) validator.validate(record("date", "2024-08-07", "text", "Some text.", "id", "  "));
        assertThat(a.title()).isEmpty();
        assertThat(a.articleId()).isEqualTo("h-" + a.contentHash().substring(0, 16));
    }

    @Test
    void missingSourceComesFromTheUrlHostWithoutWww() {
        Article a = (Article) validator.validate(record("date", "2024-08-07", "text", "x",
                "url", "https://www.reuters.com/world/europe/story?id=1"));
        assertThat(a.source()).isEqualTo("reuters.com");
        Article b = (Article) validator.validate(record("date", "2024-08-07", "text", "x",
                "url", "http://user@News.Example.org:8080/a"));
        assertThat(b.source()).isEqualTo("news.example.org");
    }

    @Test
    void noUrlMeansNoSourceAndBlankUrlIsNull() {
        Article a = (Article) validator.validate(record("date", "2024-08-07", "text", "x", "url", " "));
        assertThat(a.url()).isNull();
        assertThat(a.source()).isNull();
        Article b = (Article) validator.validate(record("date", "2024-08-07", "text", "x", "url", "not a url"));
        assertThat(b.url()).isEqualTo("not a url");
        assertThat(b.source()).isNull();
    }

    @Test
    void fieldMappingIsAppliedToSourceNames() {
        RecordValidator mapped = new RecordValidator(IngestOptions.defaults()
                .withFields(FieldMapping.parse(List.of("date=path_date", "text=body", "id=uid"))));
        Article a = (Article) mapped.validate(record("path_date", "2025-01-02", "body", "Body text", "uid", "u1",
                "date", "not used"));
        assertThat(a.publishedDate()).isEqualTo(LocalDate.of(2025, 1, 2));
        assertThat(a.text()).isEqualTo("Body text");
        assertThat(a.articleId()).isEqualTo("u1");
        Rejection r = rejected(mapped.validate(record("date", "2025-01-02", "body", "x")), Reason.MISSING_DATE);
        assertThat(r.detail()).contains("'path_date'");
    }

    @Test
    void sameContentWithDifferentWhitespaceGetsTheSameHash() {
        Article a = (Article) validator.validate(record("date", "2024-08-07", "title", "Title", "text", "A  b\n\nc"));
        Article b = (Article) validator.validate(record("date", "2024-09-01", "title", " Title ", "text", "A b c"));
        assertThat(a.contentHash()).isEqualTo(b.contentHash());
        assertThat(a.articleId()).isEqualTo(b.articleId());
    }
}
