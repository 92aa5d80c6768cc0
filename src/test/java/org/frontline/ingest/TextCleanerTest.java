package org.frontline.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextCleanerTest {

    private static String clean(String s) {
        return TextCleaner.clean(s);
    }

    @Test
    void nullAndBlankBecomeEmpty() {
        assertThat(clean(null)).isEmpty();
        assertThat(clean("  \n\t \r\n ")).isEmpty();
    }

    @Test
    void plainProseIsUnchanged() {
        String prose = "Russian forces advanced 2 km near Pokrovsk, the General Staff said.\n\nKyiv denied it.";
        assertThat(clean(prose)).isEqualTo(prose);
    }

    @Test
    void blockTagsBecomeParagraphBreaksAndInlineTagsVanish() {
        String html = "<div class=\"story\"><h2>Strikes on Odesa</h2><p>Drones hit the <b>port</b> overnight.</p>"
                + "<p>Two people were <a href=\"https://x.example/a\">wounded</a>.<br>More later.</p></div>";
        assertThat(clean(html)).isEqualTo(
                "Strikes on Odesa\n\nDrones hit the port overnight.\n\nTwo people were wounded.\nMore later.");
    }

    @Test
    void listItemsEndUpOnTheirOwnLines() {
        assertThat(clean("<ul><li>Kharkiv</li><li>Sumy</li></ul>")).isEqualTo("Kharkiv\nSumy");
        assertThat(clean("<table><tr><td>Region</td><td>Area</td></tr></table>")).isEqualTo("Region Area");
    }

    @Test
    void scriptAndStyleAreRemovedWithTheirContentAndCommentsToo() {
        String html = "<p>Before</p><script type=\"text/javascript\">var a = 1 < 2;</script>"
                + "<STYLE>p { color: red }</STYLE><!-- ad slot --><p>After</p>";
        assertThat(clean(html)).isEqualTo("Before\n\nAfter");
    }

    @Test
    void comparisonsThatLookLikeTagsAreKept() {
        assertThat(clean("losses were < 5% and x<5 > y")).isEqualTo("losses were < 5% and x<5 > y");
    }

    @Test
    void namedDecimalAndHexEntitiesAreDecoded() {
        assertThat(clean("Tom&nbsp;&amp;&nbsp;Jerry &quot;quoted&quot; it&#39;s it&rsquo;s &mdash; &#x2014; &ndash; &hellip;"))
                .isEqualTo("Tom & Jerry \"quoted\" it's it\u2019s \u2014 \u2014 \u2013 \u2026");
        assertThat(clean("&lt;p&gt; is a tag")).isEqualTo("<p> is a tag");
    }

    @Test
    void unknownOrInvalidEntitiesAreLeftAsWritten() {
        assertThat(clean("AT&T &bogus; &#0; &#xD800; R&D")).isEqualTo("AT&T &bogus; &#0; &#xD800; R&D");
    }

    @Test
    void atxHeadingsLoseTheirHashesAndStayTheirOwnParagraph() {
        assertThat(clean("Intro line.\n### Crucial juncture\nThe battles continued."))
                .isEqualTo("Intro line.\n\nCrucial juncture\n\nThe battles continued.");
        assertThat(clean("# Title #\ntext")).isEqualTo("Title\n\ntext");
        assertThat(clean("## Learning C#")).isEqualTo("Learning C#");
    }

    @Test
    void hashtagsAreNotHeadings() {
        assertThat(clean("#Kyiv trending\n#1 story")).isEqualTo("#Kyiv trending\n#1 story");
    }

    @Test
    void horizontalRulesAreRemovedIncludingATrailingOne() {
        assertThat(clean("First part.\n\n---\n\nSecond part.\n* * *\nThird.\n___\n\n---"))
                .isEqualTo("First part.\n\nSecond part.\n\nThird.");
    }

    @Test
    void emphasisMarkersAreRemoved() {
        assertThat(clean("**Kyiv** said __on Monday__ that *Russian* troops _withdrew_ from ***Kupiansk***."))
                .isEqualTo("Kyiv said on Monday that Russian troops withdrew from Kupiansk.");
    }

    @Test
    void underscoresAndAsterisksInsideWordsAreUntouched() {
        String s = "see snake_case_name and path_date, 5*3 = 15, 2*3*4, a * b * c, file_name_v2 and __init__x";
        assertThat(clean(s)).isEqualTo(s);
    }

    @Test
    void bulletStarsAreNotEmphasis() {
        assertThat(clean("* first point\n* second point")).isEqualTo("* first point\n* second point");
    }

    @Test
    void linksKeepTheirTextAndImagesAreRemoved() {
        assertThat(clean("Read the [ISW report](https://example.org/isw?id=1) here. ![map](https://example.org/m.png)"))
                .isEqualTo("Read the ISW report here.");
    }

    @Test
    void whitespaceIsNormalised() {
        String raw = "  Line\u00A0one\t\twith   spaces  \r\n\r\n\r\n\r\n  Line\u2009two \u200B\r\nthree\u3000end  ";
        assertThat(clean(raw)).isEqualTo("Line one with spaces\n\nLine two\nthree end");
    }

    @Test
    void softHyphensAndZeroWidthCharactersAreDropped() {
        assertThat(clean("Zapo\u00ADrizhzhia Pok\u200Brovsk")).isEqualTo("Zaporizhzhia Pokrovsk");
    }

    @Test
    void typicalNewsMarkdownCleansToProse() {
        String raw = "Russia said on **Wednesday** it had taken the village.\n\n### What we know\n\n"
                + "The ministry cited [its own data](http://mil.example).\n\n---\n";
        assertThat(clean(raw)).isEqualTo(
                "Russia said on Wednesday it had taken the village.\n\nWhat we know\n\nThe ministry cited its own data.");
    }

    @Test
    void largePathologicalInputIsCleanedWithoutCatastrophicBacktracking() {
        // Many unclosed markers in one long text: with a backtracking pattern this would not finish (speed itself
        // is measured in the benchmark, not asserted here).
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            sb.append("a *b _c [d <e & ");
            if (i % 50 == 0) {
                sb.append('\n');
            }
        }
        String out = clean(sb.toString());
        assertThat(out).startsWith("a *b _c [d <e &");
        assertThat(out).hasSizeGreaterThan(200_000);
    }
}
