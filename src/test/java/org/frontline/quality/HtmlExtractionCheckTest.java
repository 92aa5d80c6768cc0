package org.frontline.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class HtmlExtractionCheckTest {

    private static final String PAGE = "<html><body><h1 id=page-title>Assessment, May 2</h1>"
            + "<div class='field field-name-body'><div class=field-items><div class=field-item>"
            + "<p>Assessment, May 2</p><p><strong>A. Author and B. Author</strong></p>"
            + "<p>Russian forces advanced 5 km.<span>[1]</span> Ukrainian forces held.</p>"
            + "<p><strong>Note:</strong> all sources are public.</p>"
            + "<div><hr></div><p>[1] https://t dot me/x/1</p><p>[2] https://example.org/y</p>"
            + "</div></div></div></body></html>";

    @Test
    void theReferenceEndsAtTheRuleBeforeTheEndnotesAndLeavesTheRepeatedHeadlineOut() {
        Document doc = Jsoup.parse(PAGE);
        HtmlExtractionCheck.Reference ref = HtmlExtractionCheck.Reference.of(
                doc.selectFirst(HtmlExtractionCheck.REPORT_BODY), "Assessment, May 2");
        assertThat(ref.report()).isEqualTo("A. Author and B. Author Russian forces advanced 5 km.[1] Ukrainian forces"
                + " held. Note: all sources are public.");
        assertThat(ref.endnotes()).isEqualTo("[1] https://t dot me/x/1 [2] https://example.org/y");
    }

    @Test
    void aNoteMarkInAParagraphIsNotTheStartOfTheEndnotes() {
        Document doc = Jsoup.parse("<div class=field-name-body><div class=field-item><p>First.<span>[1]</span></p>"
                + "<p>Second.</p><p>[1] source</p></div></div>");
        HtmlExtractionCheck.Reference ref = HtmlExtractionCheck.Reference.of(
                doc.selectFirst(HtmlExtractionCheck.REPORT_BODY), null);
        assertThat(ref.report()).isEqualTo("First.[1] Second.");
        assertThat(ref.endnotes()).isEqualTo("[1] source");
    }

    @Test
    void edgesCountExtraAndMissingCharactersWithoutWhitespace() {
        String ref = "The report begins here and it goes on for a while before it ends with a final sentence.";
        HtmlExtractionCheck.Edges same = HtmlExtractionCheck.Edges.of(ref, ref.replace(" ", "  "));
        assertThat(same.startRight()).isTrue();
        assertThat(same.endRight()).isTrue();

        HtmlExtractionCheck.Edges extra = HtmlExtractionCheck.Edges.of(ref,
                "Skip to main content Home Who We Are Research Publications " + ref + " [1] https://t dot me/x/1");
        assertThat(extra.extraBefore()).isEqualTo("SkiptomaincontentHomeWhoWeAreResearchPublications".length());
        assertThat(extra.startRight()).isFalse();
        assertThat(extra.extraAfter()).isEqualTo("[1]https://tdotme/x/1".length());
        assertThat(extra.endRight()).isFalse(); // 21 characters, beyond the tolerance of 20
    }

    @Test
    void overlapWeighsWordsByTheirCharacters() {
        HtmlExtractionCheck.Overlap o = HtmlExtractionCheck.Overlap.of("aa bb cc", "aa cc dddd");
        assertThat(o.referenceChars()).isEqualTo(6);
        assertThat(o.textChars()).isEqualTo(8);
        assertThat(o.matchedChars()).isEqualTo(4);
        assertThat(HtmlExtractionCheck.Overlap.surplusFrom("aa bb cc", "aa cc dddd", "dddd x")).isEqualTo(4);
    }

    @Test
    void lcsIsTheLongestCommonSubsequenceOfWords() {
        assertThat(HtmlExtractionCheck.lcs("a b c d e".split(" "), "x a c d y e".split(" "), 100)).isEqualTo(4);
        assertThat(HtmlExtractionCheck.lcs(new String[0], "a".split(" "), 100)).isZero();
        assertThat(HtmlExtractionCheck.lcs("a b c".split(" "), "d e f".split(" "), 2)).isEqualTo(-1);
    }
}
