package org.frontline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.frontline.ShippedConf;
import org.frontline.ingest.Article;
import org.frontline.nlp.AnnotatedArticle;
import org.frontline.nlp.ArticleAnnotator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Regions and actors of sentences written for these tests, through the real default profile (CoreNLP), the shipped
 * gazetteer and the actor alias table, as the job annotates them.
 */
class MentionsIT {
    private static ArticleAnnotator annotator;

    @BeforeAll
    static void annotator() {
        annotator = ShippedConf.annotator();
    }

    private static AnnotatedArticle annotate(String title, String text) {
        return annotator.annotate(new Article("t", LocalDate.of(2024, 8, 7), null, null, title, text, "h", "f", "r"));
    }

    private static List<String> regionIds(String text) {
        return annotate("", text).regions().stream().map(r -> r.surface() + "=" + r.regionId()).toList();
    }

    private static List<String> actorIds(String text) {
        return annotate("", text).actors().stream().map(a -> a.surface() + "=" + a.actorId()).toList();
    }

    // ---- regions

    @Test
    void oblastsAndCitiesAreToldApart() {
        assertThat(regionIds("Shelling hit Kharkiv and villages of the Kharkiv region overnight, while Russia's Kursk region "
                + "reported drone attacks."))
                .containsExactly("Kharkiv=geonames:706483", "Kharkiv region=admin1:UA.07", "Russia=country:RU",
                        "Kursk region=admin1:RU.41");
    }

    @Test
    void transliterationsResolveToTheSamePlace() {
        assertThat(regionIds("Officials in Kiev said trains to Kharkov and Odessa were running again."))
                .containsExactly("Kiev=geonames:703448", "Kharkov=geonames:706483", "Odessa=geonames:698740");
        assertThat(regionIds("Fighting raged around Artemivsk, which Ukraine calls Bakhmut."))
                .contains("Artemivsk=geonames:713174", "Bakhmut=geonames:713174");
    }

    @Test
    void placesCoreNlpMissesOrTakesForPeopleAreFoundThroughTheGazetteer() {
        assertThat(regionIds("Ukrainian troops pushed to the northwest of the border town of Sudzha on Tuesday."))
                .contains("Sudzha=geonames:486816");
        assertThat(regionIds("Evacuation of Mariupol: buses left Zaporizhzhia at dawn."))
                .contains("Mariupol=geonames:701822");
    }

    @Test
    void namedRegionsThatAreNoGeoNamesFeatureGetCuratedIds() {
        assertThat(regionIds("Ships in the Black Sea were turned back, and the war in Donbas went on; aid reached the Gaza Strip."))
                .contains("Black Sea=other:black-sea", "Donbas=other:donbas", "Gaza Strip=other:gaza-strip");
        assertThat(regionIds("Russia annexed Crimea in 2014.")).contains("Crimea=admin1:UA.11");
    }

    @Test
    void ordinaryWordsThatArePlaceNamesAreNotPlaces() {
        assertThat(regionIds("Mobile phones were cut off. Reading the report, she said it was a nice try. "
                + "Of course, March was cold, and the split decision came in May."))
                .isEmpty();
    }

    @Test
    void theArticleDecidesBetweenNamesakes() {
        assertThat(regionIds("Storms hit Atlanta and Savannah, and Georgia's governor declared an emergency."))
                .contains("Georgia=admin1:US.GA");
        assertThat(regionIds("Tbilisi protested as Georgia's parliament met.")).contains("Georgia=country:GE");
    }

    // ---- actors

    @Test
    void aShortNameRefersBackToTheFullOneAndTitlesBecomeRoles() {
        AnnotatedArticle a = annotate("", "President Vladimir Putin met Alexei Smirnov, the acting governor of the Kursk region, "
                + "on Monday. Putin said Smirnov had his support. Mr Putin did not take questions.");
        assertThat(a.actors()).extracting(m -> m.surface() + "=" + m.actorId()).containsExactly(
                "Vladimir Putin=person:vladimir-putin", "Alexei Smirnov=person:alexei-smirnov",
                "Putin=person:vladimir-putin", "Smirnov=person:alexei-smirnov", "Putin=person:vladimir-putin");
        assertThat(a.actors().get(0).role()).isEqualTo("President");
        assertThat(a.actors().get(1).role()).isEqualTo("acting governor of the Kursk region");
        assertThat(a.actors().get(0).countryCode()).isEqualTo("RU");
    }

    @Test
    void aSurnameTheTaggerTakesForACommonWordStillRefersBackToTheFullName() {
        // The tagger reads "Crow" as a noun: on its own it is a common word NER took for a name by its capital.
        assertThat(actorIds("Crow said the deal was done on Monday.")).isEmpty();
        assertThat(actorIds("Jason Crow spoke on Monday. Crow said the deal was done."))
                .containsExactly("Jason Crow=person:jason-crow", "Crow=person:jason-crow");
    }

    @Test
    void spellingsOfOneActorShareItsId() {
        assertThat(actorIds("Zelensky spoke to reporters. Later, Zelenskyy thanked allies; Volodymyr Zelenskiy was in Kyiv."))
                .extracting(s -> s.substring(s.indexOf('=') + 1)).containsOnly("person:volodymyr-zelensky");
        assertThat(actorIds("Russia's defense ministry said so, and the Russian Defence Ministry repeated it. "
                + "The Ministry of Defence of the Russian Federation later confirmed."))
                .extracting(s -> s.substring(s.indexOf('=') + 1)).containsOnly("org:russian-ministry-of-defence");
        assertThat(actorIds("The FSB detained him. The Federal Security Service said he spied."))
                .extracting(s -> s.substring(s.indexOf('=') + 1)).containsOnly("org:fsb");
    }

    @Test
    void genericForcesAreOneActorPerSideAndFormationsTheirOwn() {
        assertThat(actorIds("Ukrainian forces advanced. Ukraine's troops held the line while the Ukrainian army regrouped; "
                + "the AFU and the Armed Forces of Ukraine reported losses."))
                .extracting(s -> s.substring(s.indexOf('=') + 1)).containsOnly("force:ukrainian-forces");
        assertThat(actorIds("Russian troops shelled the town, and the Wagner Group claimed it. "
                + "Ukraine's 47th Mechanized Brigade counterattacked."))
                .containsExactly("Russian troops=force:russian-forces", "Wagner Group=force:wagner-group",
                        "47th Mechanized Brigade=force:47th-mechanized-brigade");
    }

    @Test
    void usInCapitalsInRunningTextIsTheCountryWhereThePronounWouldFitToo() {
        // Sentences written for this test: "us" would read as a pronoun after "help" and "told"; in capitals within
        // lower-case text it is the country, and the pronoun check asks the tagger nothing about it.
        assertThat(regionIds("The deal will help US farmers, officials in Kyiv said."))
                .containsExactly("US=country:US", "Kyiv=geonames:703448");
        assertThat(regionIds("Ministers told US diplomats to wait.")).containsExactly("US=country:US");
    }

    @Test
    void pronounsTitlesAloneAndCreditsAreNoActors() {
        assertThat(actorIds("He said the governor would speak later. She agreed.")).isEmpty();
        assertThat(annotate("", "Soldiers fire a shell near a frontline. (credit: REUTERS/STRINGER)").actors())
                .extracting(ActorMention::actorId).containsExactly("media:reuters");
    }

    @Test
    void newsAgenciesAsSourcesAreMedia() {
        assertThat(annotate("", "Ten people were hurt, Interfax reported. Kyiv was quiet, Ukrinform said. (Reuters)").actors())
                .extracting(ActorMention::actorType).containsOnly("media");
    }

    // ---- attribution of territorial figures (the cascade: SUTime and the parser on figure sentences)

    private static List<String> figureAttribution(String title, String text) {
        return annotate(title, text).figures().stream()
                .map(f -> f.surface() + " | " + f.actorName() + " | " + f.regionName() + " | " + f.claimantName()).toList();
    }

    @Test
    void aFiguresRegionIsWhereItLiesNotWhoActs() {
        // A country that acts is no place; nor one named by its opponent ("the war with Russia"): the land is
        // implied (FIGURES.md), the side's own country for land it regains or holds.
        assertThat(figureAttribution("", "Ukraine repels Russian attacks near ten settlements."))
                .containsExactly("ten settlements | Ukraine | Ukraine | null");
        assertThat(figureAttribution("", "The Ukrainian army retook 1,016 settlements after three months of war with Russia."))
                .containsExactly("1,016 settlements | Ukraine | Ukraine | null");
        // The place hangs on the verb's other argument; the side of a passive "liberated from" is the other one.
        assertThat(figureAttribution("", "More than 40 settlements have already been liberated from Russian invaders in Kharkiv Region."))
                .containsExactly("40 settlements | Ukraine | Kharkiv Oblast | null");
        // A demonym makes a place of its country only on a territorial noun ("damaged in Russian strikes" does not).
        assertThat(figureAttribution("", "The infrastructure of more than 30 settlements was damaged in Russian strikes."))
                .extracting(f -> f.split(" \\| ")[2]).containsExactly("null");
        // Land taken from a side is that side's country.
        assertThat(figureAttribution("", "Russia has taken 420 sq km of territory from Ukrainian forces since June 14, officials said."))
                .extracting(f -> f.split(" \\| ")[2]).containsExactly("Ukraine");
    }

    @Test
    void aHeadlinesBoilerplateAndRubricDoNotOverrideTheNearerPlace() {
        assertThat(figureAttribution("The General Staff: defenders repelled attacks in the areas of seven settlements (04.10.22 07:29) "
                + "« War in Ukraine | Censor.NET", "").get(0)).contains("| Ukraine | Ukraine | General Staff");
        assertThat(figureAttribution("", "Shelling of Ukraine: the occupiers in the Donetsk region struck 13 settlements."))
                .extracting(f -> f.split(" \\| ")[2]).containsExactly("Donetsk Oblast");
    }
}
