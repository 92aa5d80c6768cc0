package org.frontline.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlPageTest {

    private static HtmlPage page(String html) {
        return HtmlPage.parse(html, "page.html");
    }

    private static HtmlPage resourcePage(String name) {
        return HtmlPage.parse(new String(TestDumps.resourceBytes(name), StandardCharsets.UTF_8), name);
    }

    /** A page around a body: the head's extra markup, then a body with a short article. */
    private static String withHead(String head) {
        return "<html><head>" + head + "</head><body><p>Shelling continued overnight near the river.</p></body></html>";
    }

    @Test
    void sourcesWrittenAsPlainUrlsAreALinkListNotProse() {
        HtmlPage p = page("<html><body><article>"
                + "<p>Shelling continued overnight near the river crossing, the district administration said.</p>"
                + "<p>Repair crews restored power to two villages by the morning, according to the utility.</p>"
                + "<hr><p>[1] https://t dot me/riverwatch/1204</p>"
                + "<p>[2] http://district-news dot example/2024/05/01/power; https://www.utility.example/outages</p>"
                + "</article></body></html>");
        assertThat(p.text()).endsWith("according to the utility.").doesNotContain("[1]", "dot me");
    }

    // ---- dates and where they come from ----

    @Test
    void theMetadataDateComesFirstThenTheUrlsThenTheFileNames() {
        HtmlPage meta = HtmlPage.parse(withHead("<meta name='date' content='2024-05-01'>"
                + "<link rel='canonical' href='https://news.example/2024/04/30/story'>"), "2024-04-29.html");
        assertThat(meta.date()).hasValue("2024-05-01");
        assertThat(meta.dateSource()).hasValue(DateSource.PAGE_METADATA);
        HtmlPage url = HtmlPage.parse(withHead("<link rel='canonical' href='https://news.example/2024/4/30/story'>"),
                "2024-04-29.html");
        assertThat(url.date()).hasValue("2024-04-30");
        assertThat(url.dateSource()).hasValue(DateSource.URL);
        HtmlPage file = HtmlPage.parse(withHead(""), "2024-04-29.html");
        assertThat(file.date()).hasValue("2024-04-29");
        assertThat(file.dateSource()).hasValue(DateSource.FILE_NAME);
        assertThat(HtmlPage.parse(withHead(""), "page.html").dateSource()).isEmpty();
    }

    @Test
    void aFetchedPagesUrlIsItsUrlWhenItNamesNoneAndDatesIt() {
        HtmlPage p = HtmlPage.parse(withHead(""), null, "https://news.example/world/2023-11-02/ceasefire-talks");
        assertThat(p.url()).hasValue("https://news.example/world/2023-11-02/ceasefire-talks");
        assertThat(p.date()).hasValue("2023-11-02");
        assertThat(HtmlPage.urlDate("https://news.example/2023/13/02/x")).isNull();
        assertThat(HtmlPage.urlDate("https://news.example/story?date=2023/11/02")).isNull();
        assertThat(HtmlPage.urlDate("https://news.example/20231102/story")).isNull();
    }

    // ---- main text ----

    @Test
    void articlePageGivesOnlyTheArticlesBlocksInOrderEachItsOwnParagraph() {
        HtmlPage p = resourcePage("article-page.html");
        assertThat(p.text()).isEqualTo("""
                Defending forces held their positions along the Sirka river on Friday, the regional command said, \
                after a night of shelling near the town of Marenki.

                The command said attackers had advanced about 3 km south of the river earlier in the week before \
                being pushed back.

                The front line near Marenki, as of Thursday.

                Villages emptied

                Officials said 12 settlements had been evacuated:

                Marenki

                Dolyna and Zarichne

                "We are staying," one farmer said.

                The bridge at Sirka
                remains closed to traffic.""");
    }

    @Test
    void articlePageLeavesOutChromeScriptsAltTextShareButtonsAndTheArticlesOwnHeaderAndFooter() {
        String text = resourcePage("article-page.html").text();
        assertThat(text).doesNotContain("Home", "World", "Opinion", "logo", "A map of the front line", "analytics",
                "not text", "font-family", "Most read", "weather and markets", "All rights reserved", "Share", "Tweet",
                "By A. Reporter", "Reporting by", "Defenders hold the river line");
    }

    @Test
    void densityFindsTheBodyOfAPageWithoutArticleOrMain() {
        HtmlPage p = resourcePage("drupal-page.html");
        assertThat(p.text()).isEqualTo("""
                Analysts of the Center

                Forces of the northern group advanced up to 4 km west of the Kaliv reservoir on 2 June, according \
                to the regional command, while fighting continued around the railway junction.

                Key points

                Attacks on the eastern bank were repelled overnight.

                Shelling damaged a water station in the district centre.

                Officials reported that 7 settlements in the border district had lost power after the strikes.""");
        assertThat(p.text()).doesNotContain("Download the PDF", "Press office", "Comments", "reader comment",
                "Latest", "Donate", "Example Street", "Front", "https://t.example");
    }

    @Test
    void bodySplitAcrossWrappersIsKeptWholeAndRecommendationBlocksBesideItAreNot() {
        HtmlPage p = page("<html><body><div class='story'>"
                + "<div class='para'><p>The first paragraph reports an advance of about 5 km near the village.</p></div>"
                + "<div class='para'><p>The second paragraph quotes the regional governor on the evacuation.</p></div>"
                + "<div class='para'><p>Short one.</p></div>"
                + "<div class='para'><p>The last paragraph says that fighting went on through the night.</p></div>"
                + "</div><div class='teasers'><h3>More stories</h3><div><p>A teaser of another story, as long as a"
                + " paragraph of the article and without any link in it at all.</p></div></div></body></html>");
        assertThat(p.text()).startsWith("The first paragraph").contains("\n\nShort one.\n\n")
                .endsWith("went on through the night.");
    }

    @Test
    void pageWithOneShortParagraphStillGivesIt() {
        HtmlPage p = page("<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
                + "<p>Two drones were shot down.</p><footer><p>Contact us</p></footer></body></html>");
        assertThat(p.text()).isEqualTo("Two drones were shot down.");
    }

    @Test
    void pageWithoutParagraphsGivesItsWholeVisibleText() {
        HtmlPage p = page("<html><body><div>Air raid alert in the region<br>lifted at 06:10.</div></body></html>");
        assertThat(p.text()).isEqualTo("Air raid alert in the region\nlifted at 06:10.");
    }

    @Test
    void pageWithNothingButChromeAndScriptsHasNoText() {
        HtmlPage p = page("<html><head><title>Index | Site</title></head><body><header><nav><a href='/'>Home</a>"
                + "</nav></header><script>render()</script><footer>(c) Site</footer></body></html>");
        assertThat(p.text()).isEmpty();
    }

    @Test
    void inlineElementsJoinWithoutInventedSpacesAndEntitiesAreDecoded() {
        HtmlPage p = page("<p><strong>Kyiv</strong>, <a href='/k'>Ukraine</a> &ndash; troops&nbsp;moved "
                + "<em>10&nbsp;km</em>&nbsp;east, <span>officials</span><sup>[1]</sup> said &amp; "
                + "&laquo;confirmed&raquo;.</p>");
        assertThat(p.text()).isEqualTo("Kyiv, Ukraine \u2013 troops moved 10 km east, officials[1] said & \u00ABconfirmed\u00BB.");
    }

    @Test
    void whitespaceInsideABlockCollapsesAndLineBreaksInTheSourceAreNotParagraphs() {
        HtmlPage p = page("<div><p>  The   column\n   moved\tnorth.  </p>\n\n<p></p><p> </p><h3>Next</h3>"
                + "<ol><li>One</li><li>Two<br><br>lines</li></ol><table><tr><td>Area</td><td>12 km2</td></tr></table></div>");
        assertThat(p.text()).isEqualTo("The column moved north.\n\nNext\n\nOne\n\nTwo\n\nlines\n\nArea 12 km2");
    }

    @Test
    void hiddenElementsAndScreenReaderTextAreNotText() {
        HtmlPage p = page("<article><p>Visible report text.</p><p hidden>Hidden text.</p>"
                + "<p style='display: none'>Also hidden.</p><span class='element-invisible'>Skip to content</span>"
                + "<noscript>Enable JavaScript</noscript></article>");
        assertThat(p.text()).isEqualTo("Visible report text.");
    }

    @Test
    void textIsLeftAsItIsByTheCleanUpEveryFormatGetsApartFromWhitespace() {
        for (String name : new String[]{"article-page.html", "drupal-page.html"}) {
            String text = resourcePage(name).text();
            assertThat(TextCleaner.clean(text)).as(name).isEqualTo(text);
        }
        String tricky = page("<p>Losses of 5 * 3 units, a &lt; b, snake_case, #hashtag, 2&nbsp;km &mdash; and 1-2 "
                + "km.</p>").text();
        assertThat(TextCleaner.clean(tricky)).isEqualTo(tricky);
    }

    @Test
    void headlineInsideTheBodyIsNotRepeatedInTheText() {
        HtmlPage p = page("<html><head><title>Bridge destroyed | Wire</title></head><body><div class='story'>"
                + "<h1>Bridge destroyed</h1><p>A bridge over the river was destroyed on Monday.</p>"
                + "<p>Traffic was diverted to a pontoon crossing further north.</p></div></body></html>");
        assertThat(p.title()).contains("Bridge destroyed");
        assertThat(p.text()).isEqualTo("A bridge over the river was destroyed on Monday.\n\n"
                + "Traffic was diverted to a pontoon crossing further north.");
    }

    // ---- title ----

    @Test
    void ogTitleIsTheTitleWhenItIsNotJustTheSiteName() {
        assertThat(resourcePage("article-page.html").title()).contains("Defenders hold the river line near Marenki");
    }

    @Test
    void ogTitleThatIsTheSiteNameGivesWayToTheH1AboveTheBody() {
        assertThat(resourcePage("drupal-page.html").title()).contains("Situation Report, 2 June");
    }

    @Test
    void twitterTitleIsUsedWithoutOgTitle() {
        assertThat(page(withHead("<meta name='twitter:title' content='Ceasefire talks stall'>")).title())
                .contains("Ceasefire talks stall");
    }

    @Test
    void titleTagLosesASiteNameSuffixOrPrefixOnly() {
        String site = "<meta property='og:site_name' content='Example News'>";
        assertThat(page(withHead(site + "<title>Front line quiet - Example News</title>")).title())
                .contains("Front line quiet");
        assertThat(page(withHead(site + "<title>Example News | Front line quiet</title>")).title())
                .contains("Front line quiet");
        assertThat(page(withHead(site + "<title>Front line quiet | Other Site</title>")).title())
                .contains("Front line quiet | Other Site");
        assertThat(page(withHead("<title>Front line quiet | Example News</title>")).title())
                .as("no site name known: nothing to strip").contains("Front line quiet | Example News");
        assertThat(page(withHead("<meta name='application-name' content='Example News'>"
                + "<title>Kherson update \u2014 Example News</title>")).title()).contains("Kherson update");
    }

    @Test
    void h1ThatIsTheSiteNameIsNotTheTitle() {
        HtmlPage p = page("<html><head><meta property='og:site_name' content='Example News'>"
                + "<title>Convoy reaches the city | Example News</title></head><body>"
                + "<div class='logo'><h1>Example News</h1></div><div class='story'><h1>Convoy reaches the city</h1>"
                + "<p>An aid convoy reached the city on Sunday.</p></div></body></html>");
        assertThat(p.title()).contains("Convoy reaches the city");
    }

    @Test
    void pageWithoutAnyTitleHasNone() {
        assertThat(page("<p>Only text.</p>").title()).isEmpty();
    }

    // ---- date ----

    @Test
    void articlePublishedTimeComesFirstAndKeepsItsOffset() {
        HtmlPage p = resourcePage("article-page.html");
        assertThat(p.date()).contains("2025-03-14T23:30:00-05:00");
        assertThat(Dates.parsePublished(p.date().orElseThrow())).hasToString("2025-03-15");
    }

    @Test
    void metaDateNamesAreReadCaseInsensitively() {
        assertThat(page(withHead("<meta name='DC.date.issued' content='2024-05-01'>")).date()).contains("2024-05-01");
        assertThat(page(withHead("<meta name='PubDate' content='2024-05-02T08:00:00Z'>")).date())
                .contains("2024-05-02T08:00:00Z");
        assertThat(page(withHead("<meta name='dcterms.date' content='2024-05-03'>"
                + "<meta itemprop='datePublished' content='2024-01-01'>")).date()).contains("2024-05-03");
    }

    @Test
    void itempropAndDublinCorePropertiesAreRead() {
        assertThat(page(withHead("<meta itemprop='datePublished' content='2024-05-04'>")).date()).contains("2024-05-04");
        assertThat(page("<div><span property='dc:date dc:created' content='2022-09-12T19:34:52-04:00'>Sep 12</span>"
                + "<p>Text.</p></div>").date()).contains("2022-09-12T19:34:52-04:00");
        assertThat(page("<div><time itemprop='datePublished' datetime='2024-05-05T10:00:00+02:00'>5 May</time>"
                + "<p>Text.</p></div>").date()).contains("2024-05-05T10:00:00+02:00");
    }

    @Test
    void jsonLdDatePublishedPrefersTheArticleInAGraph() {
        String jsonLd = "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@graph\":["
                + "{\"@type\":\"WebPage\",\"datePublished\":\"2020-01-01\"},"
                + "{\"@type\":[\"NewsArticle\"],\"headline\":\"x\",\"datePublished\":\"2024-05-06T07:00:00+0300\"},]}"
                + "</script>";
        HtmlPage p = page(withHead(jsonLd));
        assertThat(p.date()).as("offset without a colon is normalised").contains("2024-05-06T07:00:00+03:00");
        assertThat(page(withHead("<script type='application/ld+json'>{ broken")).date()).isEmpty();
    }

    @Test
    void timeInsideTheArticleIsUsedWhenTheMetadataHasNoDate() {
        HtmlPage p = page("<html><body><div class='teaser'><time datetime='2019-01-01'>old</time></div><article>"
                + "<header><h1>Strike on depot</h1><time datetime='2024-05-07T06:00'>7 May</time></header>"
                + "<p>A fuel depot was hit overnight, officials said.</p></article></body></html>");
        assertThat(p.date()).contains("2024-05-07T06:00");
    }

    @Test
    void fileNameDateIsTheLastResort() {
        String html = "<p>Undated report text.</p>";
        assertThat(HtmlPage.parse(html, "/saved/briefing-2025-04-18.html").date()).contains("2025-04-18");
        assertThat(HtmlPage.parse(html, "2022-02-24.html.gz").date()).contains("2022-02-24");
        assertThat(HtmlPage.parse(html, "report-20250418.html").date()).isEmpty();
        assertThat(HtmlPage.parse(html, null).date()).isEmpty();
    }

    @Test
    void unusableDateFallsThroughToTheNextSourceAndAnUnusableOnlyDateIsKeptForTheValidator() {
        assertThat(HtmlPage.parse(withHead("<meta property='article:published_time' content='last Tuesday'>"),
                "2024-06-01.html").date()).contains("2024-06-01");
        assertThat(HtmlPage.parse(withHead("<meta name='date' content='2024-13-45'>"), "page.html").date())
                .contains("2024-13-45");
    }

    // ---- url and source ----

    @Test
    void canonicalUrlWhenAbsolute() {
        HtmlPage p = resourcePage("article-page.html");
        assertThat(p.url()).contains("https://observer.example/world/2025/03/14/river-line");
        assertThat(p.source()).contains("The Example Observer");
    }

    @Test
    void relativeCanonicalIsResolvedAgainstBaseHrefOnly() {
        assertThat(page(withHead("<base href='https://news.example/'><link rel='canonical' href='/a/strike-report'>"))
                .url()).contains("https://news.example/a/strike-report");
        assertThat(resourcePage("drupal-page.html").url()).as("relative canonical, og:url a site root").isEmpty();
    }

    @Test
    void ogUrlIsUsedWhenItHasAPathBeyondTheRoot() {
        assertThat(page(withHead("<link rel='canonical' href='/relative'>"
                + "<meta property='og:url' content='https://news.example/2024/05/report'>")).url())
                .contains("https://news.example/2024/05/report");
        assertThat(page(withHead("<meta property='og:url' content='https://news.example/'>")).url()).isEmpty();
        assertThat(page(withHead("<meta property='og:url' content='https://news.example'>")).url()).isEmpty();
        assertThat(page(withHead("<meta property='og:url' content='https://news.example/?p=42'>")).url())
                .contains("https://news.example/?p=42");
        assertThat(page(withHead("<link rel='canonical' href='ftp://news.example/a'>")).url()).isEmpty();
    }

    @Test
    void sourceIsTheSiteNameOrTheApplicationName() {
        assertThat(page(withHead("<meta name='application-name' content='Front Wire'>")).source()).contains("Front Wire");
        assertThat(page(withHead("")).source()).isEmpty();
    }
}
