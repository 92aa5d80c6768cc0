package org.frontline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.frontline.ShippedConf;
import org.junit.jupiter.api.Test;

/** Layouts told from field names with the shipped conf/ingest/fields.tsv. */
class FieldLayoutsTest {

    private static final FieldLayouts LAYOUTS = FieldLayouts.read(ShippedConf.dir());

    private static FieldLayouts.Resolution resolve(FieldMapping given, String... present) {
        return LAYOUTS.resolve(given, List.of(present), "dump.jsonl");
    }

    @Test
    void frontlinesOwnNamesNeedNoMapping() {
        FieldLayouts.Resolution r = resolve(FieldMapping.identity(), "id", "date", "title", "text", "url", "source");
        assertThat(r.problem()).isEmpty();
        assertThat(r.mapping()).isEqualTo(FieldMapping.identity());
    }

    @Test
    void aFeedReadersItemsAreMappedByTheirNames() {
        FieldLayouts.Resolution r = resolve(FieldMapping.identity(), "title", "description", "link", "pubDate", "guid");
        assertThat(r.problem()).isEmpty();
        assertThat(r.mapping().describe()).isEqualTo("id=guid, date=pubDate, text=description, url=link");
    }

    @Test
    void newsPleaseTakesTheFullTextBeforeTheLead() {
        FieldLayouts.Resolution r = resolve(FieldMapping.identity(), "title", "maintext", "description",
                "date_publish", "date_download", "url", "source_domain", "language");
        assertThat(r.mapping().describe()).isEqualTo("date=date_publish, text=maintext, source=source_domain");
    }

    @Test
    void whatTheUserGivesIsKept() {
        FieldLayouts.Resolution r = resolve(FieldMapping.parse(List.of("text=summary")), "date", "summary", "description");
        assertThat(r.mapping().sourceName(FieldMapping.TEXT)).isEqualTo("summary");
    }

    @Test
    void aFileWithoutADateFieldIsStoppedWithTheFixInOneLine() {
        FieldLayouts.Resolution r = resolve(FieldMapping.identity(), "id", "title", "text", "url", "path_date");
        assertThat(r.problem()).hasValue("dump.jsonl: no record among the first 200 has a date field 'date' (its first"
                + " records hold id, path_date, text, title, url): give --field date=path_date");
        assertThat(resolve(FieldMapping.identity(), "title", "text").problem().orElseThrow())
                .endsWith("give --field date=FIELD with the field that holds the publication date");
    }

    @Test
    void aFileWithoutTextOrTitleIsStopped() {
        assertThat(resolve(FieldMapping.identity(), "date", "body_html").problem().orElseThrow())
                .contains("no record among the first 200 has a text or title field").endsWith("give --field text=body_html");
    }

    @Test
    void anEmptySampleLeavesTheFileToTheReader() {
        assertThat(LAYOUTS.resolve(FieldMapping.identity(), List.of(), "empty.jsonl").problem()).isEmpty();
    }

    @Test
    void jsonSamplesReadLinesAndArraysAndStopAtTheFirstMalformedRecord() {
        assertThat(jsonFields("{\"date\":\"2024-01-01\",\"title\":\"A\",\"text\":null}\n{\"link\":\"x\",\"description\":\" \"}\n"))
                .containsExactlyInAnyOrder("date", "title", "link");
        assertThat(jsonFields("[{\"date\": \"2024-01-01\"}, {\"maintext\": \"B\"}]")).containsExactlyInAnyOrder("date", "maintext");
        assertThat(jsonFields("{\"date\":\"2024-01-01\"}\n{not json\n{\"text\":\"later\"}\n")).containsExactly("date");
    }

    @Test
    void csvSamplesReadTheHeader() throws IOException {
        assertThat(FieldLayouts.csvFields(stream("\uFEFFdate,\"head, line\",\"say \"\"hi\"\"\",link\r\n1,2,3,4\n")))
                .containsExactly("date", "head, line", "say \"hi\"", "link");
    }

    private static Set<String> jsonFields(String json) {
        return FieldLayouts.jsonFields(stream(json));
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
