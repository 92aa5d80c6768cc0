package org.frontline.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.frontline.ingest.TestDumps.articles;
import static org.frontline.ingest.TestDumps.bytes;
import static org.frontline.ingest.TestDumps.onlyRejection;
import static org.frontline.ingest.TestDumps.read;
import static org.frontline.ingest.TestDumps.resourceBytes;

/** Saved web pages through {@link DumpReader}: one article per file, encodings, limits, quarantine. */
class DumpReaderHtmlTest {

    private static final String PAGE = "<!DOCTYPE html><html><head>%s<title>Night attack repelled</title></head>"
            + "<body><nav><a href='/'>Home</a></nav><article><p>%s</p></article></body></html>";

    private static byte[] page(String head, String text) {
        return TestDumps.utf8(String.format(PAGE, head, text));
    }

    private static Article onlyArticle(List<IngestResult> results) {
        assertThat(results).hasSize(1);
        assertThat(results.get(0)).isInstanceOf(Article.class);
        return (Article) results.get(0);
    }

    @Test
    void pageIsOneArticleWhoseRefIsTheFileNameAndLineOne() {
        List<IngestResult> results = read(resourceBytes("article-page.html"), "/saved/article-page.html",
                InputFormat.HTML);
        Article a = onlyArticle(results);
        assertThat(a.recordRef()).isEqualTo("article-page.html:1");
        assertThat(a.sourceFile()).isEqualTo("/saved/article-page.html");
        assertThat(a.publishedDate()).isEqualTo(LocalDate.of(2025, 3, 15));
        assertThat(a.title()).isEqualTo("Defenders hold the river line near Marenki");
        assertThat(a.url()).isEqualTo("https://observer.example/world/2025/03/14/river-line");
        assertThat(a.source()).isEqualTo("The Example Observer");
        assertThat(a.articleId()).isEqualTo("h-" + a.contentHash().substring(0, 16));
        // The validator's clean-up leaves the page's text as HtmlPage made it.
        String expected = HtmlPage.parse(new String(resourceBytes("article-page.html"), StandardCharsets.UTF_8),
                "article-page.html").text();
        assertThat(a.text()).isEqualTo(expected).startsWith("Defending forces held").contains("\n\nVillages emptied\n\n");
    }

    @Test
    void withoutASiteNameTheSourceIsTheUrlsHost() {
        Article a = onlyArticle(read(page("<meta name='date' content='2024-05-01'>"
                + "<link rel='canonical' href='https://www.frontnews.example/a/1'>", "Text."), "/d/p.html", InputFormat.HTML));
        assertThat(a.source()).isEqualTo("frontnews.example");
    }

    @Test
    void fieldMappingDoesNotBreakHtml() {
        IngestOptions options = IngestOptions.defaults()
                .withFields(FieldMapping.parse(List.of("date=path_date", "text=body", "title=headline")));
        Article a = onlyArticle(read(new ByteArrayInputStream(page("<meta name='date' content='2024-05-01'>", "Mapped.")),
                "/d/p.html", InputFormat.HTML, options));
        assertThat(a.text()).isEqualTo("Mapped.");
        assertThat(a.title()).isEqualTo("Night attack repelled");
    }

    @Test
    void pageWithoutAnyDateIsMissingDateSayingWhatWasLookedFor() {
        Rejection r = onlyRejection(read(page("", "Undated text."), "/d/undated.html", InputFormat.HTML),
                Reason.MISSING_DATE);
        assertThat(r.recordRef()).isEqualTo("undated.html:1");
        assertThat(r.detail()).contains("article:published_time", "JSON-LD datePublished", "<time datetime>",
                "YYYY-MM-DD date in the file name");
        assertThat(r.excerpt()).startsWith("<!DOCTYPE html><html><head><title>Night attack repelled");
    }

    @Test
    void fileNameGivesTheDateOfAnUndatedPage() {
        Article a = onlyArticle(read(page("", "Undated text."), "/d/briefing-2025-04-18.html", InputFormat.HTML));
        assertThat(a.publishedDate()).isEqualTo(LocalDate.of(2025, 4, 18));
    }

    @Test
    void invalidDateIsRejectedByTheValidator() {
        Rejection r = onlyRejection(read(page("<meta name='date' content='2024-13-45'>", "Text."), "/d/p.html",
                InputFormat.HTML), Reason.INVALID_DATE);
        assertThat(r.detail()).contains("2024-13-45");
    }

    @Test
    void pageWithoutMainTextIsEmptyTextEvenWithATitle() {
        byte[] html = TestDumps.utf8("<html><head><title>Video: the front at night</title>"
                + "<meta name='date' content='2024-05-01'></head><body><nav><a href='/'>Home</a></nav>"
                + "<script>player.load()</script></body></html>");
        Rejection r = onlyRejection(read(html, "/d/video.html", InputFormat.HTML), Reason.EMPTY_TEXT);
        assertThat(r.detail()).contains("no main text").contains("Video: the front at night");
    }

    @Test
    void pageOverTheByteLimitIsTooLargeWithoutBeingKept() {
        IngestOptions options = IngestOptions.defaults().withMaxRecordBytes(1000);
        byte[] big = page("<meta name='date' content='2024-05-01'>", "word ".repeat(1000));
        List<IngestResult> results = read(new ByteArrayInputStream(big), "/d/big.html", InputFormat.HTML, options);
        Rejection r = onlyRejection(results, Reason.TOO_LARGE);
        assertThat(r.recordRef()).isEqualTo("big.html:1");
        assertThat(r.detail()).contains(big.length + " bytes").contains("limit of 1000 bytes");
        assertThat(r.excerpt()).startsWith("<!DOCTYPE html>").hasSizeLessThanOrEqualTo(200);
    }

    @Test
    void textOverTheCharacterLimitIsTooLarge() {
        IngestOptions options = IngestOptions.defaults().withMaxTextChars(100);
        List<IngestResult> results = read(new ByteArrayInputStream(page("<meta name='date' content='2024-05-01'>",
                "word ".repeat(100))), "/d/long.html", InputFormat.HTML, options);
        onlyRejection(results, Reason.TOO_LARGE);
    }

    @Test
    void invalidUtf8IsInvalidEncoding() {
        byte[] html = bytes("<html><head><meta charset='utf-8'><meta name='date' content='2024-05-01'></head><body>",
                "<p>Bad ", new byte[]{(byte) 0xC3, (byte) 0x28}, " bytes.</p></body></html>");
        Rejection r = onlyRejection(read(html, "/d/bad.html", InputFormat.HTML), Reason.INVALID_ENCODING);
        assertThat(r.detail()).contains("invalid UTF-8 at byte offset").contains("utf-8");
        assertThat(r.excerpt()).contains("Bad \\xc3(");
    }

    @Test
    void undeclaredPageIsStrictUtf8() {
        byte[] html = bytes("<html><head><meta name='date' content='2024-05-01'></head><body><p>Bad ",
                new byte[]{(byte) 0xFF}, "</p></body></html>");
        Rejection r = onlyRejection(read(html, "/d/bad.html", InputFormat.HTML), Reason.INVALID_ENCODING);
        assertThat(r.detail()).contains("no charset declared");
    }

    @Test
    void windows1251PageDeclaredInMetaIsDecodedWithIt() {
        Charset cp1251 = Charset.forName("windows-1251");
        byte[] html = ("<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1251'>"
                + "<meta name='date' content='2024-05-01'><title>Новини</title></head>"
                + "<body><p>Fighting went on near Kharkiv (Харків), the regional governor said on Tuesday.</p></body></html>")
                .getBytes(cp1251);
        Article a = onlyArticle(read(html, "/d/ua.html", InputFormat.HTML));
        assertThat(a.text()).isEqualTo("Fighting went on near Kharkiv (Харків), the regional governor said on Tuesday.");
        assertThat(a.title()).isEqualTo("Новини");
    }

    @Test
    void iso88591DeclaredPageIsReadAsWindows1252AsBrowsersDo() {
        byte[] html = bytes("<html><head><meta charset=\"ISO-8859-1\"><meta name='date' content='2024-05-01'></head>"
                + "<body><p>", new byte[]{(byte) 0x93}, "Caf", new byte[]{(byte) 0xE9}, " closed",
                new byte[]{(byte) 0x94}, ", they said.</p></body></html>");
        Article a = onlyArticle(read(html, "/d/fr.html", InputFormat.HTML));
        assertThat(a.text()).isEqualTo("\u201CCaf\u00E9 closed\u201D, they said.");
    }

    @Test
    void legacyDeclaredPageWhoseBytesAreUtf8IsReadAsUtf8() {
        byte[] html = TestDumps.utf8("<html><head><meta charset='iso-8859-1'><meta name='date' content='2024-05-01'>"
                + "</head><body><p>Київ — 12 km</p></body></html>");
        assertThat(onlyArticle(read(html, "/d/resaved.html", InputFormat.HTML)).text()).isEqualTo("Київ — 12 km");
    }

    @Test
    void byteInvalidInTheDeclaredCharsetIsInvalidEncoding() {
        byte[] html = bytes("<html><head><meta charset='windows-1251'><meta name='date' content='2024-05-01'></head>"
                + "<body><p>Text ", new byte[]{(byte) 0x98}, "</p></body></html>");
        Rejection r = onlyRejection(read(html, "/d/p.html", InputFormat.HTML), Reason.INVALID_ENCODING);
        assertThat(r.detail()).contains("invalid windows-1251 at byte offset").contains("\\x98");
    }

    @Test
    void charsetDeclarationInsideACommentOrTheBodyTextIsNotOne() {
        assertThat(HtmlSource.declaredCharset(TestDumps.utf8("<!-- <meta charset='koi8-r'> --><p>charset=koi8-r</p>")))
                .isNull();
        assertThat(HtmlSource.declaredCharset(TestDumps.utf8("<head><META CHARSET=Windows-1251></head>")))
                .isEqualTo("windows-1251");
    }

    @Test
    void utf16ByteOrderMarkDecidesTheEncoding() {
        String html = "\uFEFF<html><head><meta charset='utf-8'><meta name='date' content='2024-05-01'></head>"
                + "<body><p>Київ</p></body></html>";
        Article a = onlyArticle(read(html.getBytes(StandardCharsets.UTF_16LE), "/d/u16.html", InputFormat.HTML));
        assertThat(a.text()).isEqualTo("Київ");
    }

    @Test
    void gzippedPageIsReadThroughTheDecompressor() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(resourceBytes("drupal-page.html"));
        }
        List<IngestResult> results = read(new GZIPInputStream(new ByteArrayInputStream(gz.toByteArray())),
                "/d/drupal-page.html.gz", InputFormat.HTML, IngestOptions.defaults());
        Article a = onlyArticle(results);
        assertThat(a.recordRef()).isEqualTo("drupal-page.html.gz:1");
        assertThat(a.title()).isEqualTo("Situation Report, 2 June");
        assertThat(a.publishedDate()).isEqualTo(LocalDate.of(2024, 6, 2));
        assertThat(a.source()).isEqualTo("Center for Example Studies");
        assertThat(a.url()).isNull();
    }
}
