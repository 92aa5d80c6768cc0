package org.frontline.extract.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.frontline.ShippedConf;
import org.frontline.extract.figures.AttributionLexicon.Meaning;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped conf/figures lexicons as attribution reads them, and the errors a user's edit can make. */
class AttributionLexiconTest {
    private static AttributionLexicon shipped;

    @BeforeAll
    static void load() {
        shipped = ShippedConf.reference().attribution();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void verbsAndNounsHaveAMeaningForTheFigure() {
        assertThat(shipped.meaning("liberate")).contains(Meaning.REGAIN);
        assertThat(shipped.meaning("liberation")).contains(Meaning.REGAIN);
        assertThat(shipped.meaning("capture")).contains(Meaning.TAKE);
        assertThat(shipped.meaning("lose")).contains(Meaning.LOSE);
        assertThat(shipped.meaning("repel")).contains(Meaning.DEFEND);
        assertThat(shipped.meaning("say")).contains(Meaning.SAY);
        assertThat(shipped.meaning("village")).contains(Meaning.PLACE);
        assertThat(shipped.meaning("footage")).contains(Meaning.EVIDENCE);
        assertThat(shipped.meaning("troop")).contains(Meaning.FORCE);
        assertThat(shipped.meaning("soil")).contains(Meaning.TERRITORY);
        assertThat(shipped.namesForces("brigade")).isTrue();
        assertThat(shipped.namesForces("shelling")).isTrue(); // "Russian shelling" names a side too
        assertThat(shipped.namesForces("weather")).isFalse();
        assertThat(shipped.meaning("bake")).isEmpty();
        assertThat(shipped.meaning(null)).isEmpty();
    }

    @Test
    void aParticipleTaggedAsAnAdjectiveFindsItsVerb() {
        assertThat(shipped.meaning("occupied")).contains(Meaning.TAKE);
        assertThat(shipped.meaning("liberated")).contains(Meaning.REGAIN);
        assertThat(shipped.meaning("Captured")).contains(Meaning.TAKE);
    }

    @Test
    void theOtherSideIsTheOneOfTheWarGoingOnThatDay() {
        assertThat(shipped.opponent("RU", LocalDate.of(2022, 10, 1))).contains("UA");
        assertThat(shipped.opponent("UA", LocalDate.of(2024, 8, 7))).contains("RU");
        assertThat(shipped.opponent("UA", LocalDate.of(2010, 1, 1))).isEmpty(); // before the war
        assertThat(shipped.opponent("FR", LocalDate.of(2024, 8, 7))).isEmpty();
        assertThat(shipped.opponent(null, LocalDate.of(2024, 8, 7))).isEmpty();
    }

    @Test
    void anOutletsSideComesFromItsNameOrItsUrlHost() {
        assertThat(shipped.perspective("Ukrinform")).contains("UA");
        assertThat(shipped.perspective("https://www.rt.com/news/123-front/")).contains("RU");
        assertThat(shipped.perspective("news.tass.com")).contains("RU"); // a subdomain of a listed host
        assertThat(shipped.perspective("https://www.theguardian.com/world/rss")).isEmpty();
        assertThat(shipped.perspective(null)).isEmpty();
    }

    @Test
    void periodsStatedInWordsResolveAgainstTheArticlesDate() {
        LocalDate d = LocalDate.of(2024, 8, 7);
        AttributionLexicon.RelativePeriod pastDay = shipped.periods().stream()
                .filter(p -> p.phrase().equals("over the past day")).findFirst().orElseThrow();
        assertThat(pastDay.resolve(d)).containsExactly(LocalDate.of(2024, 8, 6), d);
        AttributionLexicon.RelativePeriod month = shipped.periods().stream()
                .filter(p -> p.phrase().equals("since the start of the month")).findFirst().orElseThrow();
        assertThat(month.resolve(d)).containsExactly(LocalDate.of(2024, 8, 1), d);
        // Longest first: "over the past 24 hours" is tried before "past 24 hours".
        assertThat(shipped.periods().get(0).phrase().length())
                .isGreaterThanOrEqualTo(shipped.periods().get(shipped.periods().size() - 1).phrase().length());
    }

    @Test
    void theWarsAnchorsAreDatesTextsCountFrom() {
        AttributionLexicon.Conflict war = shipped.conflictsOn(LocalDate.of(2024, 8, 7)).stream()
                .filter(c -> c.id().equals("russia-ukraine")).findFirst().orElseThrow();
        assertThat(war.anchors()).containsEntry("full-scale invasion", LocalDate.of(2022, 2, 24));
    }

    @Test
    void anEditThatCannotBeReadSaysWhichFileAndWhatToWrite() {
        byte[] empty = bytes("h\th\th\n");
        assertThatThrownBy(() -> AttributionLexicon.load(bytes("lemma\tclass\nseize\tgrab\n"), empty, empty, empty, empty))
                .hasMessageContaining("verbs.tsv").hasMessageContaining("grab").hasMessageContaining("take, regain");
        assertThatThrownBy(() -> AttributionLexicon.load(empty, bytes("c\ta\tb\ts\te\nwar\tRU\tUA\t2022-13-01\n"), empty, empty, empty))
                .hasMessageContaining("conflicts.tsv").hasMessageContaining("2022-13-01");
        assertThatThrownBy(() -> AttributionLexicon.load(empty, empty, empty, bytes("p\ts\te\nlately\tW-1\tD\n"), empty))
                .hasMessageContaining("periods.tsv").hasMessageContaining("D-N");
        assertThatThrownBy(() -> AttributionLexicon.load(bytes("lemma\tclass\nonlyone\n"), empty, empty, empty, empty))
                .hasMessageContaining("verbs.tsv:2").hasMessageContaining("tab-separated");
        assertThatThrownBy(() -> AttributionLexicon.load(empty, empty, empty, empty, bytes("list\tword\ntime_wrod\tmay\n")))
                .hasMessageContaining("words.tsv:2").hasMessageContaining("time_wrod").hasMessageContaining("time_word");
        assertThatThrownBy(() -> AttributionLexicon.load(empty, empty, empty, empty, bytes("list\tword\ntime_word\tmay\n")))
                .hasMessageContaining("words.tsv").hasMessageContaining("no words in list");
    }

    @Test
    void theWordListsAreTheShippedOnes() {
        assertThat(shipped.quantityWords()).contains("several", "numerous", "the");
        assertThat(shipped.appositionWords()).contains("approximately", "approx.", "village");
        assertThat(shipped.regionNouns()).containsExactlyInAnyOrder("region", "oblast", "province", "krai", "district");
    }
}
