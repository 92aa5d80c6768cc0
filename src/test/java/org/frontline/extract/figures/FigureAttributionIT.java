package org.frontline.extract.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.frontline.extract.TerritorialFigure;
import org.frontline.ShippedConf;
import org.frontline.ingest.Article;
import org.frontline.nlp.ArticleAnnotator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The side, place, claimant and period of territorial figures, stated or implied (FIGURES.md), on sentences
 * written for these tests, through the real default profile (CoreNLP, the parser, SUTime), the shipped gazetteer,
 * alias table and conf/figures lexicons, as the job annotates them. Each inference has a case where it applies and
 * one where nothing can be known.
 */
class FigureAttributionIT {
    private static final LocalDate DATE = LocalDate.of(2024, 8, 7);
    private static ArticleAnnotator annotator;

    @BeforeAll
    static void annotator() {
        annotator = ShippedConf.annotator();
    }

    private static List<TerritorialFigure> figures(String source, String title, String text) {
        return annotator.annotate(new Article("t", DATE, source, null, title, text, "h", "f", "r")).figures();
    }

    /** The one figure of a text, as "surface | actor | region | claimant | period". */
    private static String figure(String source, String title, String text) {
        List<TerritorialFigure> all = figures(source, title, text);
        assertThat(all).as("figures of %s / %s", title, text).hasSize(1);
        return show(all.get(0));
    }

    private static String figure(String text) {
        return figure(null, "", text);
    }

    private static String show(TerritorialFigure f) {
        return f.surface() + " | " + f.actorName() + " | " + f.regionName() + " | " + f.claimantName() + " | "
                + (f.periodStart() == null ? "null" : f.periodStart() + ".." + f.periodEnd());
    }

    private static String side(String text) {
        return figure(text).split(" \\| ")[1];
    }

    // ---- the side, by the verb's meaning

    @Test
    void theSubjectOfATakingVerbIsTheSide() {
        assertThat(side("Russian forces captured three villages in the Kharkiv region last week.")).isEqualTo("Russia");
    }

    @Test
    void landLiberatedWithoutAnAgentBelongsToTheSideWhoseCountryItIs() {
        assertThat(side("Four villages in the Kherson region were liberated on Tuesday.")).isEqualTo("Ukraine");
        // The loser named after "from" is not the side: the other side of the war is.
        assertThat(side("Two settlements were freed from the Russian occupiers.")).isEqualTo("Ukraine");
    }

    @Test
    void landLostIsTheOtherSidesGain() {
        assertThat(side("Ukraine has lost two villages near Avdiivka.")).isEqualTo("Russia");
        assertThat(side("The regiment lost three villages to Russian troops.")).isEqualTo("Russia");
    }

    @Test
    void landOccupiedOrShelledWithoutAnAgentIsTheOtherSidesDoing() {
        assertThat(side("Twelve settlements in the Zaporizhzhia region remain occupied.")).isEqualTo("Russia");
        assertThat(side("Nine settlements in the Sumy region were shelled overnight.")).isEqualTo("Russia");
        // In Russia's own country the other side is Ukraine.
        assertThat(side("Five villages in the Kursk region were captured in the first week.")).isEqualTo("Ukraine");
    }

    @Test
    void theSidesThatAdvanceOrRepelAreTheirSubjects() {
        assertThat(side("Ukrainian troops advanced 3 km near Robotyne.")).isEqualTo("Ukraine");
        assertThat(side("Ukrainian defenders repelled attacks near six settlements in the Donetsk region.")).isEqualTo("Ukraine");
    }

    @Test
    void aPronounSubjectTakesItsAntecedentsSide() {
        assertThat(figure("Moscow says it has captured 12 villages in the Donetsk region."))
                .startsWith("12 villages | Russia | Donetsk Oblast | ");
        assertThat(side("Ukraine's army said on Monday that it had retaken 40 square kilometres.")).isEqualTo("Ukraine");
    }

    @Test
    void aLeadThatNamesNoSideTakesItFromItsHeadline() {
        assertThat(figure(null, "Ukrainian troops push on towards the south",
                "The brigades advanced about 2 km in two days, a commander said.")).startsWith("2 km | Ukraine | ");
    }

    @Test
    void theEnemyIsTheOtherSideOfTheOutletsOwn() {
        assertThat(side("The enemy shelled 14 settlements in the Kherson region.")).isEqualTo("Russia");
        assertThat(figure("tass.com", "", "The enemy shelled 14 settlements in the Belgorod region."))
                .startsWith("14 settlements | Ukraine | ");
    }

    @Test
    void noSideWhereNeitherTheSentenceNorTheArticleTellsOne() {
        assertThat(side("A wildfire has burned about 4,000 acres of forest.")).isEqualTo("null");
        assertThat(side("The national park covers 30 square miles.")).isEqualTo("null");
        // A distance that locates a place has no side.
        assertThat(side("The town of Vovchansk lies 5 km from the border.")).isEqualTo("null");
    }

    // ---- the place, at the right level, with its fallbacks

    @Test
    void thePlaceTheFigureAttachesToComesFirst() {
        assertThat(figure("Russian forces advanced 3 km near Bakhmut.")).startsWith("3 km | Russia | Bakhmut | ");
        assertThat(figure("Ukrainian forces liberated 12 settlements in the Kyiv region."))
                .startsWith("12 settlements | Ukraine | Kyiv Oblast | ");
    }

    @Test
    void elseThePlaceOfTheSentencesBeforeThenTheHeadlineThenTheArticlesCountry() {
        // The first-level region of the sentence before.
        assertThat(figure(null, "", "Fighting went on in the Luhansk region. Three villages were occupied there."))
                .startsWith("Three villages | Russia | Luhansk Oblast | ");
        // The headline's place.
        assertThat(figure(null, "Heavy fighting around Pokrovsk in Ukraine's Donetsk region",
                "Defenders said two villages had been retaken.")).startsWith("two villages | Ukraine | Pokrovsk | ");
        // The country the article speaks of.
        assertThat(figure(null, "", "Ukraine's allies met in Ramstein. Officials said 1,200 settlements remain occupied."))
                .startsWith("1,200 settlements | Russia | Ukraine | ");
    }

    @Test
    void noPlaceWhereNothingSaysWhere() {
        assertThat(figure("A wildfire has burned about 4,000 acres of forest.")).startsWith("4,000 acres | null | null | ");
    }

    @Test
    void aPositionLocatesThePlaceNamedBeforeItAndNobodyActs() {
        // A village the gazetteer lacks, in brackets after its name: the region of the place it is measured from.
        assertThat(figure("Russian troops attacked Verkhnia Zavodivka (6km south of Bakhmut) on Monday."))
                .startsWith("6km | null | Donetsk Oblast | ");
        // A place the gazetteer has: that place, when it lies within the stated distance of the reference.
        assertThat(figure("Ukrainian forces liberated Kupiansk, about 40 km north of Izium, in September."))
                .startsWith("40 km | null | Kupiansk | ");
        // What is located is a force: its side acts, and the place is the reference.
        assertThat(figure("Ukrainian positions within 25 km of Horlivka came under fire."))
                .startsWith("25 km | Ukraine | Horlivka | ");
    }

    @Test
    void evidenceIsNoClaimant() {
        assertThat(figure("Satellite footage shows Russian forces dug in 12 km north of Melitopol."))
                .contains("| null | null");
    }

    // ---- claimant and period

    @Test
    void claimantsInTheirCommonForms() {
        assertThat(figure("Ukrainian troops retook 17 villages last month, according to the General Staff."))
                .contains("| General Staff of the Armed Forces of Ukraine |");
        assertThat(figure("Russia has taken 420 sq km of territory since June 14, Sergei Shoigu has said."))
                .contains("| Sergei Shoigu |");
        assertThat(figure("Moscow says it has captured 12 villages in the Donetsk region.")).contains("| Russia |");
    }

    @Test
    void aReportingClauseThatClosesTheFiguresClauseNamesItsClaimant() {
        assertThat(figure("Shelling eased overnight; four hamlets recaptured near the river, Ukraine's defence ministry says"))
                .contains("| Ukrainian Ministry of Defence |");
        assertThat(figure("A depot was hit 40 km from the border, regional rescue services said.")).contains("| null |");
        assertThat(figure("A depot was hit 40 km from the border, Kharkiv rescue services said."))
                .contains("| Kharkiv rescue services |");
        assertThat(figure("Colonel Olena Marchuk spoke on Monday. Her brigade had pushed 3 km past the ridge, she said."))
                .contains("| Olena Marchuk |");
        assertThat(figure("Russian guns fired at 14 settlements, indicating Ukrainian forces hold the line."))
                .doesNotContain("| Ukrainian forces |");
    }

    @Test
    void periodsStatedInWordsAndAnchoredOnTheWar() {
        assertThat(figure("Ukrainian forces liberated 3 settlements over the past day.")).endsWith("| 2024-08-06..2024-08-07");
        assertThat(figure("Russia has occupied 1,200 settlements since the start of the full-scale invasion."))
                .endsWith("| 2022-02-24..2024-08-07");
        assertThat(figure("Ukrainian forces have liberated 12 villages since the start of the month."))
                .endsWith("| 2024-08-01..2024-08-07");
        assertThat(figure("Ukrainian forces liberated 3 settlements, officials said.")).endsWith("| null");
    }
}
