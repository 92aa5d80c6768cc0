package org.frontline.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputFormatTest {

    @Test
    void recognisesEachExtensionCaseInsensitively() {
        assertThat(InputFormat.fromFileName("a.jsonl")).contains(InputFormat.JSONL);
        assertThat(InputFormat.fromFileName("a.NDJSON")).contains(InputFormat.JSONL);
        assertThat(InputFormat.fromFileName("a.Json")).contains(InputFormat.JSONL);
        assertThat(InputFormat.fromFileName("a.txt")).contains(InputFormat.TEXT);
        assertThat(InputFormat.fromFileName("a.CSV")).contains(InputFormat.CSV);
        assertThat(InputFormat.fromFileName("part-0001.parquet")).contains(InputFormat.PARQUET);
        assertThat(InputFormat.fromFileName("2022-09-12.html")).contains(InputFormat.HTML);
        assertThat(InputFormat.fromFileName("Page.HTM")).contains(InputFormat.HTML);
    }

    @Test
    void stripsCompressionSuffixBeforeLookingAtTheExtension() {
        assertThat(InputFormat.fromFileName("hdfs://nn/dumps/wire-2025.jsonl.gz")).contains(InputFormat.JSONL);
        assertThat(InputFormat.fromFileName("/data/briefs.txt.BZ2")).contains(InputFormat.TEXT);
        assertThat(InputFormat.fromFileName("reports.csv.gz")).contains(InputFormat.CSV);
        assertThat(InputFormat.fromFileName("/saved/briefing.html.gz")).contains(InputFormat.HTML);
        assertThat(InputFormat.fromFileName("page.htm.bz2")).contains(InputFormat.HTML);
        assertThat(InputFormat.isCompressed("x.jsonl.gz")).isTrue();
        assertThat(InputFormat.isCompressed("x.txt.bz2")).isTrue();
        assertThat(InputFormat.isCompressed("x.jsonl")).isFalse();
    }

    @Test
    void unknownOrMissingExtensionGivesEmpty() {
        assertThat(InputFormat.fromFileName("notes.md")).isEmpty();
        assertThat(InputFormat.fromFileName("page.xhtml")).isEmpty();
        assertThat(InputFormat.fromFileName("README")).isEmpty();
        assertThat(InputFormat.fromFileName("dump.gz")).isEmpty();
        assertThat(InputFormat.fromFileName("dir.csv/file")).isEmpty();
        assertThat(InputFormat.fromFileName(null)).isEmpty();
    }

    @Test
    void parseAcceptsFormatNamesAndAliases() {
        assertThat(InputFormat.parse("JSONL")).isEqualTo(InputFormat.JSONL);
        assertThat(InputFormat.parse(" json ")).isEqualTo(InputFormat.JSONL);
        assertThat(InputFormat.parse("text")).isEqualTo(InputFormat.TEXT);
        assertThat(InputFormat.parse("txt")).isEqualTo(InputFormat.TEXT);
        assertThat(InputFormat.parse("csv")).isEqualTo(InputFormat.CSV);
        assertThat(InputFormat.parse("Parquet")).isEqualTo(InputFormat.PARQUET);
        assertThat(InputFormat.parse("html")).isEqualTo(InputFormat.HTML);
        assertThat(InputFormat.parse("HTM")).isEqualTo(InputFormat.HTML);
    }

    @Test
    void parseRejectsUnknownValueListingTheAcceptedOnes() {
        assertThatThrownBy(() -> InputFormat.parse("xml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--format")
                .hasMessageContaining("jsonl")
                .hasMessageContaining("text")
                .hasMessageContaining("csv")
                .hasMessageContaining("html")
                .hasMessageContaining("parquet")
                .hasMessageContaining("'xml'");
    }
}
