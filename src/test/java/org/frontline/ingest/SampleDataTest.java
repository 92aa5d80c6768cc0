package org.frontline.ingest;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.frontline.ShippedConf;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.frontline.ingest.TestDumps.articles;
import static org.frontline.ingest.TestDumps.rejections;

/** The sample dumps in data/ (what the README's first command reads) hold what data/README.md says. */
class SampleDataTest {

    private static final Path DATA = Path.of("data");

    /** Decompresses as the Spark job does: Hadoop's codec chosen by the file name. */
    private static List<IngestResult> readSample(String name) throws IOException {
        Path file = DATA.resolve(name);
        assertThat(file).as("sample file").exists();
        InputStream in = Files.newInputStream(file);
        CompressionCodec codec = new CompressionCodecFactory(new Configuration())
                .getCodec(new org.apache.hadoop.fs.Path(name));
        InputFormat format = InputFormat.fromFileName(name).orElseThrow();
        if (codec != null && format != InputFormat.WARC) { // a .warc.gz is read gzipped, record by record
            in = codec.createInputStream(in);
        }
        FieldMapping fields = IngestOptions.defaults().fields();
        if (format == InputFormat.JSONL) {
            try (InputStream head = Files.newInputStream(file)) {
                fields = FieldLayouts.read(ShippedConf.dir()).resolve(fields, FieldLayouts.jsonFields(
                        codec == null ? head : codec.createInputStream(head)), name).mapping();
            }
        }
        return TestDumps.read(in, file.toAbsolutePath().toString(), format, IngestOptions.defaults().withFields(fields));
    }

    @Test
    void theFeedIsReadByItsFieldNamesAndItsPolishItemIsLeftOut() throws IOException {
        List<IngestResult> results = readSample("feed-2025-05.jsonl");
        List<Article> articles = articles(results);
        assertThat(articles).extracting(Article::url).containsExactly(
                "https://frontline-wire.example/world/2025/05/05/drones-downed",
                "https://frontline-wire.example/europe/2025/05/06/chasiv-yar");
        assertThat(articles.get(0).text()).startsWith("Ukraine\u2019s air force said it shot down 28 of 35 drones")
                .doesNotContain("<", "img.frontline-wire.example");
        assertThat(articles.get(1).publishedDate()).isEqualTo(LocalDate.of(2025, 5, 6));
        assertThat(rejections(results)).extracting(Rejection::reason).containsExactly(Reason.OTHER_LANGUAGE);
    }

    @Test
    void theCrawlHoldsFourArticlesAndOneRecordOfEachOtherKind() throws IOException {
        List<IngestResult> results = readSample("crawl-2025-05.warc.gz");
        assertThat(articles(results)).hasSize(4).extracting(Article::dateSource).containsExactlyInAnyOrder(
                DateSource.PAGE_METADATA, DateSource.URL, DateSource.CRAWL_TIME, DateSource.CRAWL_TIME);
        assertThat(rejections(results)).extracting(Rejection::reason).containsExactlyInAnyOrder(Reason.OTHER_LANGUAGE,
                Reason.HTTP_STATUS, Reason.NOT_HTML, Reason.ROBOTS_TXT, Reason.DUPLICATE_PAYLOAD, Reason.DUPLICATE_PAYLOAD);
    }

    @Test
    void wire2024HoldsFourCleanArticles() throws IOException {
        List<IngestResult> results = readSample("wire-2024.jsonl");
        List<Article> articles = articles(results);
        assertThat(results).hasSize(4);
        assertThat(articles).extracting(Article::articleId).containsExactly("w24-001", "w24-002", "w24-003", "w24-004");
        assertThat(articles.get(1).source()).isEqualTo("frontline-wire.example");
        assertThat(articles.get(2).publishedDate()).isEqualTo(LocalDate.of(2024, 10, 29));
        assertThat(articles.get(3).title()).isEqualTo("Zelensky: Russia occupies about 18% of Ukraine\u2019s territory");
        assertThat(articles.get(3).text()).doesNotContain("<p>", "&nbsp;", "&rsquo;").contains("2,350 square kilometres");
    }

    @Test
    void gzippedWire2025HoldsTwoArticlesWithMarkdownRemoved() throws IOException {
        List<Article> articles = articles(readSample("wire-2025.jsonl.gz"));
        assertThat(articles).extracting(Article::articleId).containsExactly("w25-001", "w25-002");
        assertThat(articles.get(0).text()).doesNotContain("###", "**").endsWith("since the autumn.")
                .contains("\n\nClaims disputed\n\n");
    }

    @Test
    void csvReportsKeepCommasQuotesAndNewlinesInsideQuotedText() throws IOException {
        List<Article> articles = articles(readSample("reports.csv"));
        assertThat(articles).extracting(Article::articleId).containsExactly("rep-001", "rep-002");
        assertThat(articles.get(0).text()).contains("\"We plough around the craters, and we pray,\" said one grower");
        assertThat(articles.get(1).source()).isEqualTo("reports.frontline.example");
    }

    @Test
    void bzip2BriefsHoldTwoPlainTextArticles() throws IOException {
        List<Article> articles = articles(readSample("briefs.txt.bz2"));
        assertThat(articles).extracting(Article::publishedDate)
                .containsExactly(LocalDate.of(2024, 11, 19), LocalDate.of(2025, 5, 8));
    }

    @Test
    void dumpWithErrorsShowsEachQuarantineReasonOnceAndKeepsTheGoodArticles() throws IOException {
        List<IngestResult> results = readSample("dump-with-errors.jsonl");
        assertThat(articles(results)).extracting(Article::articleId).containsExactly("err-ok-1", "err-ok-2");
        assertThat(rejections(results)).extracting(Rejection::reason).containsExactly(Reason.MALFORMED_JSON,
                Reason.MISSING_DATE, Reason.INVALID_DATE, Reason.EMPTY_TEXT, Reason.INVALID_ENCODING);
        assertThat(rejections(results)).extracting(Rejection::recordRef).containsExactly("dump-with-errors.jsonl:2",
                "dump-with-errors.jsonl:3", "dump-with-errors.jsonl:4", "dump-with-errors.jsonl:5",
                "dump-with-errors.jsonl:6");
        assertThat(rejections(results).get(4).excerpt()).contains("\\xff\\xfe");
    }

    @Test
    void savedPageGivesOnlyItsArticleWithTitleDateUrlAndSiteName() throws IOException {
        List<IngestResult> results = readSample("briefing-2025-04-18.html");
        assertThat(results).hasSize(1);
        Article a = (Article) results.get(0);
        assertThat(a.publishedDate()).isEqualTo(LocalDate.of(2025, 4, 18));
        assertThat(a.title()).isEqualTo("Russian troops edge forward near Toretsk as Ukraine pushes back at Kupiansk");
        assertThat(a.url()).isEqualTo("https://briefing.frontline.example/2025/04/18/toretsk-kupiansk");
        assertThat(a.source()).isEqualTo("Frontline Briefing");
        assertThat(a.recordRef()).isEqualTo("briefing-2025-04-18.html:1");
        assertThat(a.text()).startsWith("Russian forces have advanced about 3 km west of Toretsk")
                .contains("taken control of 12 settlements", "\n\nCounter-attack near Kupiansk\n\n")
                .endsWith("No casualties were reported.")
                .doesNotContain("Skip to main content", "Newsletter", "Search", "Share on", "Topics", "Most read",
                        "Sign up", "illustrative site", "pageview", "dataLayer", "By the Frontline Briefing desk");
    }

    @Test
    void allSampleArticlesAreDistinctAndDatedAugust2024ToJune2025() throws IOException {
        List<Article> all = new ArrayList<>();
        for (String name : List.of("sample-2024-08-07-kursk.txt", "wire-2024.jsonl", "wire-2025.jsonl.gz",
                "reports.csv", "briefs.txt.bz2", "dump-with-errors.jsonl", "briefing-2025-04-18.html",
                "feed-2025-05.jsonl", "crawl-2025-05.warc.gz")) {
            all.addAll(articles(readSample(name)));
        }
        assertThat(all).hasSize(20);
        assertThat(all).extracting(Article::contentHash).doesNotHaveDuplicates();
        assertThat(all).extracting(Article::publishedDate)
                .allSatisfy(d -> assertThat(d).isBetween(LocalDate.of(2024, 8, 1), LocalDate.of(2025, 6, 30)));
    }
}
