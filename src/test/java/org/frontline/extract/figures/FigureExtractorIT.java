package org.frontline.extract.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import org.frontline.extract.Field;
import org.frontline.extract.TerritorialFigure.Kind;
import org.frontline.extract.TerritorialFigure.Qualifier;
import org.frontline.extract.TerritorialFigure.Quantity;
import org.frontline.extract.TerritorialFigure;
import org.frontline.nlp.NlpProfile;
import org.frontline.nlp.Pipelines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * FigureExtractor on real CoreNLP annotations (the job's default profile), on sentences written
 * for these tests and on the sample article.
 */
class FigureExtractorIT {

    private static StanfordCoreNLP pipeline;
    private static FigureExtractor extractor;

    @BeforeAll
    static void buildPipelineOnce() {
        // The job's default profile, and the JVM's one pipeline of it (shared with the other ITs).
        NlpProfile profile = NlpProfile.load(Path.of(System.getProperty("frontline.home", "."), "conf"), "default");
        pipeline = Pipelines.get(profile.corenlp());
        extractor = new FigureExtractor(profile.rules());
    }

    private static List<CoreMap> sentences(String text) {
        Annotation document = new Annotation(text);
        pipeline.annotate(document);
        return document.get(CoreAnnotations.SentencesAnnotation.class);
    }

    /** All figures of a text annotated as one field, sentence by sentence. */
    private static List<TerritorialFigure> figures(String text) {
        List<TerritorialFigure> out = new ArrayList<>();
        List<CoreMap> sentences = sentences(text);
        for (int i = 0; i < sentences.size(); i++) {
            out.addAll(extractor.extract(sentences.get(i), Field.TEXT, i, text));
        }
        return out;
    }

    private static TerritorialFigure only(String text) {
        List<TerritorialFigure> figures = figures(text);
        assertThat(figures).as("figures of: %s", text).hasSize(1);
        return figures.get(0);
    }

    private static void assertFigure(TerritorialFigure f, String surface, Quantity quantity, double min, double max,
                                     Qualifier qualifier, Kind kind) {
        assertThat(f.surface()).isEqualTo(surface);
        assertThat(f.quantity()).isEqualTo(quantity);
        assertThat(f.valueMin()).as("min of %s", surface).isCloseTo(min, within(1e-6));
        assertThat(f.valueMax()).as("max of %s", surface).isCloseTo(max, within(1e-6));
        assertThat(f.qualifier()).as("qualifier of %s", surface).isEqualTo(qualifier);
        assertThat(f.kind()).as("kind of %s", surface).isEqualTo(kind);
    }

    // ---- the sample article --------------------------------------------------------------------

    private static String sampleText() throws IOException {
        try (InputStream in = java.nio.file.Files.newInputStream(
                Path.of(System.getProperty("frontline.home", "."), "data", "sample-2024-08-07-kursk.txt"))) {
            String file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String prefix = "date 2024-08-07 ";
            assertThat(file).startsWith(prefix);
            return file.substring(prefix.length());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Ukrainian forces pushed Russian troops back 25 km on Monday. | 25 km",
            "The counteroffensive pushed the enemy back 6-10 km in a week. | 6-10 km",
            "Russian units broke through the line of contact to a depth of 6-8 km. | 6-8 km",
            "Their deepest penetration so far is about 60 kilometers. | 60 kilometers",
            "The brigade advanced the front line by 7 km. | 7 km",
            "Commanders said the defenders have likely advanced 5 km toward the river. | 5 km"})
    void advancesMeasuredOnWhatMovedAreAdvances(String sentence, String surface) {
        TerritorialFigure f = only(sentence);
        assertThat(f.surface()).isEqualTo(surface);
        assertThat(f.kind()).isEqualTo(Kind.ADVANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"The convoy moved 20 km along the highway.", "He pushed the car 3 metres.",
            "A counteroffensive pushed Russian forces roughly 40 km east of Kharkiv."})
    void aMoveThatIsNoAdvanceOfASideIsNone(String sentence) {
        assertThat(figures(sentence)).noneMatch(f -> f.kind() == Kind.ADVANCE);
    }

    @Test
    void positionsWithDueOrDirectlyAndLandFeaturesWidthsAreFigures() {
        assertThat(only("Fighting went on near Dementiivka, about 15km directly north of Kharkiv.").kind())
                .isEqualTo(Kind.DISTANCE);
        assertThat(only("Troops were seen near Siversk, 5km due east of the river crossing.").kind()).isEqualTo(Kind.DISTANCE);
        assertThat(only("They held a front approximately 50km wide.").kind()).isEqualTo(Kind.OTHER);
    }

    @Test
    void sampleArticleYieldsTheTakenAreaAndTheThreeDistances() throws IOException {
        String text = sampleText();
        assertThat(text).startsWith("Russia said on Wednesday");
        List<TerritorialFigure> figures = figures(text);

        assertThat(figures).extracting(TerritorialFigure::surface).containsExactly(
                "420 sq km (162 sq miles)", "530 km (330 miles)", "60 km", "10-15 km");

        TerritorialFigure area = figures.get(0);
        assertFigure(area, "420 sq km (162 sq miles)", Quantity.AREA, 420, 420, Qualifier.EXACT, Kind.CONTROL);
        assertThat(area.field()).isEqualTo(Field.TEXT);
        assertThat(area.sentenceIndex()).isEqualTo(1);
        assertThat(area.charBegin()).isEqualTo(text.indexOf("420 sq km"));
        assertThat(area.charEnd()).isEqualTo(text.indexOf("(162 sq miles)") + "(162 sq miles)".length());
        assertThat(area.normalizedUnit()).isEqualTo("km2");
        assertThat(area.sentence()).startsWith("Russia has advanced this year").endsWith("has said.");
        assertThat(area.actorName()).isNull();
        assertThat(area.regionId()).isNull();
        assertThat(area.regionName()).isNull();
        assertThat(area.claimantName()).isNull();
        assertThat(area.periodStart()).isNull();
        assertThat(area.periodEnd()).isNull();

        assertFigure(figures.get(1), "530 km (330 miles)", Quantity.DISTANCE, 530, 530, Qualifier.EXACT, Kind.DISTANCE);
        assertFigure(figures.get(2), "60 km", Quantity.DISTANCE, 60, 60, Qualifier.EXACT, Kind.DISTANCE);
        assertFigure(figures.get(3), "10-15 km", Quantity.DISTANCE, 10, 15, Qualifier.APPROX, Kind.ADVANCE);
        assertThat(figures.get(3).normalizedUnit()).isEqualTo("km");

        for (TerritorialFigure f : figures) {
            assertThat(text.substring(f.charBegin(), f.charEnd())).isEqualTo(f.surface());
            assertThat(text).contains(f.sentence());
            assertThat(f.sentence()).contains(f.surface());
        }
    }

    @Test
    void titleFiguresPointIntoTheTitle() {
        String title = "Ukraine says it has seized 1,000 sq km of Russia's Kursk region";
        CoreMap sentence = sentences(title).get(0);
        TerritorialFigure f = extractor.extract(sentence, Field.TITLE, 0, title).get(0);
        assertThat(f.field()).isEqualTo(Field.TITLE);
        assertThat(f.sentence()).isEqualTo(title);
        assertThat(title.substring(f.charBegin(), f.charEnd())).isEqualTo("1,000 sq km");
        assertThat(f.kind()).isEqualTo(Kind.CONTROL);
    }

    @Test
    void aFieldTextThatWasNotAnnotatedIsRefused() {
        String text = "Russia says it has taken 420 sq km of territory.";
        CoreMap sentence = sentences(text).get(0);
        assertThatThrownBy(() -> extractor.extract(sentence, Field.TEXT, 0, "Another text entirely, and longer."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("annotated");
    }

    // ---- area units ------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Ukrainian forces captured 1,000 square kilometres of Russian territory. | 1,000 square kilometres | 1000",
            "The army said it had retaken 12 sq. km near the river.                  | 12 sq. km               | 12",
            "Rebels have seized 80 square kilometers in the east.                    | 80 square kilometers    | 80",
            "Russian troops now occupy 3,500 km2 of the region.                      | 3,500 km2               | 3500",
            "Russian troops now occupy 3,500 km² of the region.                      | 3,500 km²               | 3500",
            "Russian troops now occupy 3,500km² of the region.                       | 3,500km²                | 3500",
            "Kyiv says its troops liberated 54 sq miles last week.                   | 54 sq miles             | 139.859352",
            "Kyiv says its troops liberated 54 square miles last week.               | 54 square miles         | 139.859352",
            "Militants gained 700 hectares of land overnight.                        | 700 hectares            | 7",
            "Militants gained 7,000 acres of land overnight.                         | 7,000 acres             | 28.327992",
            "Militants gained a 700-hectare strip of land overnight.                 | 700-hectare             | 7",
    })
    void readsEveryAreaUnit(String sentence, String surface, double km2) {
        assertFigure(only(sentence), surface, Quantity.AREA, km2, km2, Qualifier.EXACT, Kind.CONTROL);
    }

    // ---- numbers ---------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Russia has taken 10-15 sq km near Pokrovsk.                   | 10-15 sq km                | 10     | 15",
            "Russia has taken 10–15 sq km near Pokrovsk.                   | 10–15 sq km                | 10     | 15",
            "Russia has taken 20 to 25 sq km near Pokrovsk.                | 20 to 25 sq km             | 20     | 25",
            "Russia has taken between 5 and 7 sq km near Pokrovsk.         | between 5 and 7 sq km      | 5      | 7",
            "Russia has taken 80 000 hectares near Pokrovsk.               | 80 000 hectares            | 800    | 800",
            "Russia has taken 1.2 million acres in the south.              | 1.2 million acres          | 4856.2272 | 4856.2272",
            "Russia has taken 300 thousand hectares in the south.          | 300 thousand hectares      | 3000   | 3000",
            "Russia has taken three square miles near Pokrovsk.            | three square miles         | 7.769964 | 7.769964",
            "Russia has taken twenty-five square kilometres near Pokrovsk. | twenty-five square kilometres | 25  | 25",
            "Russia has taken a dozen hectares near Pokrovsk.              | a dozen hectares           | 0.12   | 0.12",
    })
    void readsRangesThousandsAndWrittenNumbers(String sentence, String surface, double min, double max) {
        assertFigure(only(sentence), surface, Quantity.AREA, min, max, Qualifier.EXACT, Kind.CONTROL);
    }

    @Test
    void vagueQuantitiesAreNoFigures() {
        assertThat(figures("Russia has taken dozens of square kilometres and hundreds of hectares.")).isEmpty();
    }

    @Test
    void aChangeIsTwoFiguresTheFirstSharingTheUnitOfTheSecond() {
        // GUIDELINES.md refinement 12: "from X to Y" is no range.
        List<TerritorialFigure> figures = figures("Russian-held territory grew from 400 to 420 sq km in a week.");
        assertThat(figures).extracting(TerritorialFigure::surface).containsExactly("400", "420 sq km");
        assertFigure(figures.get(0), "400", Quantity.AREA, 400, 400, Qualifier.EXACT, Kind.OTHER);
        assertFigure(figures.get(1), "420 sq km", Quantity.AREA, 420, 420, Qualifier.EXACT, Kind.OTHER);
        // A range without "from" stays one figure.
        assertFigure(only("The blaze has burned 4,000 to 5,000 acres of forest."), "4,000 to 5,000 acres",
                Quantity.AREA, 16.187424, 20.23428, Qualifier.EXACT, Kind.OTHER);
        // Both units stated: two ordinary figures; the bracket converting both goes with the second.
        assertThat(figures("The evacuation order reduced the zone from 45 square kilometers to 28 square kilometers"
                + " (from 17 to 11 square miles).")).extracting(TerritorialFigure::surface)
                .containsExactly("45 square kilometers", "28 square kilometers (from 17 to 11 square miles)");
    }

    // ---- qualifiers ------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "about          | APPROX",
            "around         | APPROX",
            "almost         | APPROX",
            "nearly         | APPROX",
            "some           | APPROX",
            "roughly        | APPROX",
            "approximately  | APPROX",
            "an estimated   | APPROX",
            "more than      | AT_LEAST",
            "over           | AT_LEAST",
            "at least       | AT_LEAST",
            "just over      | AT_LEAST",
            "up to          | AT_MOST",
            "less than      | AT_MOST",
            "under          | AT_MOST",
            "no more than   | AT_MOST",
            "just           | EXACT",
            "only           | EXACT",
    })
    void readsTheQualifierBeforeTheNumberButKeepsItOutOfTheSurface(String words, Qualifier qualifier) {
        TerritorialFigure f = only("Ukraine says it has recaptured " + words + " 400 sq km since May.");
        assertFigure(f, "400 sq km", Quantity.AREA, 400, 400, qualifier, Kind.CONTROL);
    }

    // ---- conversions -----------------------------------------------------------------------------

    @Test
    void aConversionAfterOrIsTheSameFigure() {
        // GUIDELINES.md refinement 1.
        assertFigure(only("The wildfire has burned more than 120,000 acres, or 187 square miles, officials said."),
                "120,000 acres, or 187 square miles", Quantity.AREA, 485.62272, 485.62272, Qualifier.AT_LEAST,
                Kind.OTHER);
        assertFigure(only("That fire is about 12,000 hectares or 29,650 acres."),
                "12,000 hectares or 29,650 acres", Quantity.AREA, 120, 120, Qualifier.APPROX, Kind.OTHER);
        assertFigure(only("The explosion hit about 200 meters (660 feet) from the consulate."),
                "200 meters (660 feet)", Quantity.DISTANCE, 0.2, 0.2, Qualifier.APPROX, Kind.DISTANCE);
    }

    @Test
    void aBracketedConversionIsTheSameFigureValuedFromTheFirstUnit() {
        assertFigure(only("Moscow says it has captured 162 square miles (420 sq km) this summer."),
                "162 square miles (420 sq km)", Quantity.AREA, 419.578056, 419.578056, Qualifier.EXACT, Kind.CONTROL);
        assertFigure(only("Ukraine holds about 1,000 sq km (386 sq miles) of the Kursk region."),
                "1,000 sq km (386 sq miles)", Quantity.AREA, 1000, 1000, Qualifier.APPROX, Kind.CONTROL);
    }

    // ---- kinds -----------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Russian forces have seized 40 sq km of land since Monday.                         | CONTROL",
            "Kyiv said 400 sq km had been liberated in the counteroffensive.                   | CONTROL",
            "The 1,000 sq km that Russia captured in March are now quiet.                      | CONTROL",
            "Ukraine lost 30 sq km in the east last month.                                     | CONTROL",
            "Russia controls 100,000 square kilometres of Ukraine's territory.                 | CONTROL",
            "Sappers say 174,000 sq km of Ukraine may be mined.                                | OTHER",
            "Wildfires burned 5,000 hectares of forest near the occupied town.                 | OTHER",
            "The dam's destruction flooded 600 sq km downstream.                               | OTHER",
            "The national park covers 300 sq km and attracts visitors.                         | OTHER",
            "Farmers planted 2,000 hectares of wheat this spring.                              | OTHER",
            "Officials said the reserve, which spans 90 sq km, was empty.                      | OTHER",
    })
    void decidesTheKindOfAnAreaFromTheNearestCue(String sentence, Kind kind) {
        assertThat(only(sentence).kind()).isEqualTo(kind);
    }

    @Test
    void figuresOfAListShareTheirVerb() {
        List<TerritorialFigure> figures = figures(
                "Ukraine liberated twenty-five square kilometers, three square miles and a dozen hectares, "
                        + "and burned 80 000 hectares of farmland.");
        assertThat(figures).extracting(TerritorialFigure::kind)
                .containsExactly(Kind.CONTROL, Kind.CONTROL, Kind.CONTROL, Kind.OTHER);
    }

    // ---- distances -------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "The town lies 530 km (330 miles) southwest of Moscow.              | 530 km (330 miles) | 530       | EXACT   | DISTANCE",
            "Shelling hit a village 20 miles north-east of Kharkiv.             | 20 miles           | 32.18688  | EXACT   | DISTANCE",
            "The plant is 60 km away.                                           | 60 km              | 60        | EXACT   | DISTANCE",
            "Troops dug in some 30 km from the border.                          | 30 km              | 30        | APPROX  | DISTANCE",
            "Russian forces are now within 20 miles of the capital.             | 20 miles           | 32.18688  | AT_MOST | DISTANCE",
            "A depot 15 km outside Kyiv was hit.                                | 15 km              | 15        | EXACT   | DISTANCE",
            "Russian troops advanced 2 km near Avdiivka.                        | 2 km               | 2         | EXACT   | ADVANCE",
            "Ukrainian units pushed a further 5 kilometres into the region.     | 5 kilometres       | 5         | EXACT   | ADVANCE",
            "Ukraine had penetrated about 10-15 km inside the Russian border.   | 10-15 km           | 10        | APPROX  | ADVANCE",
            "The army withdrew up to 3 km to new positions.                     | 3 km               | 3         | AT_MOST | ADVANCE",
            "Drones struck a base 40 km inside Russia.                          | 40 km              | 40        | EXACT   | DISTANCE",
    })
    void readsGeographicDistances(String sentence, String surface, double km, Qualifier qualifier, Kind kind) {
        TerritorialFigure f = only(sentence);
        assertThat(f.surface()).isEqualTo(surface);
        assertThat(f.quantity()).isEqualTo(Quantity.DISTANCE);
        assertThat(f.valueMin()).isCloseTo(km, within(1e-6));
        assertThat(f.qualifier()).isEqualTo(qualifier);
        assertThat(f.kind()).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Heavy fighting goes on along the 1,200-kilometer front line.               | 1,200-kilometer                  | 1200      | EXACT",
            "A 600-mile-long (1,000-kilometer) front divides the country.               | 600-mile-long (1,000-kilometer)  | 965.6064  | EXACT",
            "Troops advanced along the more than 500-mile-long front, the general said. | 500-mile                         | 804.672   | AT_LEAST",
            "The front line stretches 1,000 km from Kharkiv to Kherson.                 | 1,000 km                         | 1000      | EXACT",
            "The border zone has a total length of 2,100 kilometers.                    | 2,100 kilometers                 | 2100      | EXACT",
            "The country borders the sea with 3,000 km of coastline.                    | 3,000 km                         | 3000      | EXACT",
            "Soldiers will not pull back from the eight-mile-long buffer corridor.      | eight-mile                       | 12.874752 | EXACT",
            "A gust moved the wildfire roughly about 4 miles in twenty minutes.         | 4 miles                          | 6.437376  | APPROX",
    })
    void readsLengthsOfLandFeaturesAndASpreadOfFireAsOther(String sentence, String surface, double km,
                                                           Qualifier qualifier) {
        // GUIDELINES.md section 1 and refinements 4 and 5: land, but neither a position nor an advance.
        assertFigure(only(sentence), surface, Quantity.DISTANCE, km, km, qualifier, Kind.OTHER);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Shelling hit a farm 25 nautical miles off the coast.                       | 25 nautical miles          | 46.3     | EXACT",
            "Their house stood 9 miles back home from the quarry.                       | 9 miles                    | 14.484096 | EXACT",
            "The retreat ended in Sumy, about 200 miles north.                          | 200 miles                  | 321.8688 | APPROX",
            "The brigade was deployed at a distance of up to 40km of the border.        | 40km                       | 40       | AT_MOST",
            "All venues lie within a ten-kilometer (6.2-mile) radius of the stadium.    | ten-kilometer (6.2-mile)   | 10       | AT_MOST",
            "A depot some 15 miles from its approach to Donetsk City was hit.           | 15 miles                   | 24.14016 | APPROX",
    })
    void readsMorePositions(String sentence, String surface, double km, Qualifier qualifier) {
        assertFigure(only(sentence), surface, Quantity.DISTANCE, km, km, qualifier, Kind.DISTANCE);
    }

    @Test
    void readsTheDepthOfAPushWithItsOriginBetween() {
        assertFigure(only("The fleet pushed back from the shore for more than hundred kilometers."),
                "hundred kilometers", Quantity.DISTANCE, 100, 100, Qualifier.AT_LEAST, Kind.ADVANCE);
        // A number the NER calls a DURATION because of "in two days" is a number all the same.
        assertFigure(only("The army advances 40 km in two days"), "40 km", Quantity.DISTANCE, 40, 40,
                Qualifier.EXACT, Kind.ADVANCE);
    }

    @Test
    void readsSquareMetresOfLandOnly() {
        assertFigure(only("They dig in a 50-square-meter (540-square-foot) plot of farmland."),
                "50-square-meter (540-square-foot)", Quantity.AREA, 0.00005, 0.00005, Qualifier.EXACT, Kind.OTHER);
        assertFigure(only("Demining there requires about 200 thousand square meters."),
                "200 thousand square meters", Quantity.AREA, 0.2, 0.2, Qualifier.APPROX, Kind.OTHER);
        assertThat(figures("The shelling destroyed 3 million square meters of housing.")).isEmpty();
    }

    @Test
    void readsHalfAThousandAndAdjectivesBeforeTheUnit() {
        assertFigure(only("Over half a thousand square kilometers of land and dozens of villages have been liberated."),
                "half a thousand square kilometers", Quantity.AREA, 500, 500, Qualifier.AT_LEAST, Kind.CONTROL);
        assertFigure(only("The reserve covers more than 12,500 contiguous acres north of the city."),
                "12,500 contiguous acres", Quantity.AREA, 50.5857, 50.5857, Qualifier.AT_LEAST, Kind.OTHER);
    }

    // ---- settlements -----------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Ukrainian forces liberated 544 settlements in the region.                  | 544 settlements              | 544  | EXACT    | CONTROL",
            "The army says it has retaken three villages near the river.                | three villages               | 3    | EXACT    | CONTROL",
            "Russian troops captured a dozen villages last month.                       | a dozen villages             | 12   | EXACT    | CONTROL",
            "Kyiv regained control over more than 20 localities this week.              | 20 localities                | 20   | AT_LEAST | CONTROL",
            "Ukraine regained control over four hamlets on Monday.                      | four hamlets                 | 4    | EXACT    | CONTROL",
            "About 30 settlements have already been liberated in the south.             | 30 settlements               | 30   | APPROX   | CONTROL",
            "Seventeen villages in the north have been freed, the governor said.        | Seventeen villages           | 17   | EXACT    | CONTROL",
            "As of May 3, 40 settlements were still occupied.                           | 40 settlements               | 40   | EXACT    | CONTROL",
            "Russia lost two more towns in the east.                                    | two more towns               | 2    | EXACT    | CONTROL",
            "Defenders drove the invaders out of 15 settlements overnight.              | 15 settlements               | 15   | EXACT    | CONTROL",
            "The army liberates one more village in Kherson region                      | one more village             | 1    | EXACT    | CONTROL",
            "Russian forces shelled 12 settlements in the Donetsk region.               | 12 settlements               | 12   | EXACT    | OTHER",
            "Defense forces repelled enemy attacks near nine settlements.               | nine settlements             | 9    | EXACT    | OTHER",
            "Eleven localities come under enemy fire over the past day                  | Eleven localities            | 11   | EXACT    | OTHER",
            "More than 600 settlements remain without power after the strikes.          | 600 settlements              | 600  | AT_LEAST | OTHER",
            "Sappers cleared mines in 120 settlements liberated from the invaders.      | 120 settlements              | 120  | EXACT    | OTHER",
            "The enemy foiled an attempt to capture two villages in the east.           | two villages                 | 2    | EXACT    | OTHER",
            "Artillery struck the temporarily occupied city of Tokmak and three more settlements. | three more settlements | 3  | EXACT    | OTHER",
            "Invaders fired on 14 Kherson region localities over the past day.         | 14 Kherson region localities | 14   | EXACT    | OTHER",
            "Russian jets bombed five towns and villages overnight.                     | five towns and villages      | 5    | EXACT    | OTHER",
            "Some 420 people were evacuated from 12 villages.                           | 12 villages                  | 12   | EXACT    | OTHER",
            "Russian missiles hit seven cities on Tuesday.                              | seven cities                 | 7    | EXACT    | OTHER",
    })
    void readsCountsOfSettlements(String sentence, String surface, double count, Qualifier qualifier, Kind kind) {
        TerritorialFigure f = only(sentence);
        assertFigure(f, surface, Quantity.SETTLEMENTS, count, count, qualifier, kind);
        assertThat(f.normalizedUnit()).isEqualTo("count");
    }

    @Test
    void aSecondNumberWithoutItsNounCountsTheNounOfTheFirst() {
        // GUIDELINES.md section 2: the elided figure's span is the number alone.
        List<TerritorialFigure> figures = figures(
                "The army has liberated 600 settlements so far, including 75 in the Kherson region.");
        assertThat(figures).extracting(TerritorialFigure::surface).containsExactly("600 settlements", "75");
        assertFigure(figures.get(1), "75", Quantity.SETTLEMENTS, 75, 75, Qualifier.EXACT, Kind.CONTROL);

        assertThat(figures("Troops repelled attacks near 8 settlements in the Luhansk region and 3 in the Donetsk region."))
                .extracting(TerritorialFigure::surface, TerritorialFigure::kind)
                .containsExactly(tuple("8 settlements", Kind.OTHER), tuple("3", Kind.OTHER));
        assertThat(figures("Troops repelled attacks near one settlement in the Kharkiv region, as well as 6 - in the"
                + " Donetsk region.")).extracting(TerritorialFigure::surface).containsExactly("one settlement", "6");
        // Not a count of settlements: another noun follows the second number.
        assertThat(figures("The army liberated 30 settlements and destroyed 12 tanks in the region."))
                .extracting(TerritorialFigure::surface).containsExactly("30 settlements");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Germany has around 350 spa towns.",
            "He visited 150 villages and photographed their churches.",
            "About 20,000 people live across more than 30 villages in the valley.",
            "The magazine listed its 10 best towns to visit this year.",
            "Eight city, village and settlement heads are held captive.",
            "Protesters rallied in 50 cities on Saturday.",
            "Dozens of villages and hundreds of towns were shelled.",
            "The police recorded 18 strikes on settlements over the past day.",
            "The enemy carried out 11 attacks on towns and villages.",
            "One town that beat the odds is holding a festival.",
            "Families moved from one village to another during the war.",
            "27 houses in one small village of the community were damaged.",
    })
    void findsNoSettlementCountInWhatIsNone(String sentence) {
        assertThat(figures(sentence)).as("figures of: %s", sentence).isEmpty();
    }

    // ---- shares --------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Russia occupies about 18% of Ukraine's territory.                          | 18%        | 18 | 18 | APPROX   | CONTROL",
            "About 45% of the Donetsk region remains under the control of Ukraine.      | 45%        | 45 | 45 | APPROX   | CONTROL",
            "The enemy controls 70% of Bakhmut, the commander said.                     | 70%        | 70 | 70 | EXACT    | CONTROL",
            "Now 60 percent of the city is controlled by the invaders.                  | 60 percent | 60 | 60 | EXACT    | CONTROL",
            "Some 25% of the territory of the Kherson region was occupied by March.     | 25%        | 25 | 25 | APPROX   | CONTROL",
            "About 90% of territories of Luhansk region are occupied.                   | 90%        | 90 | 90 | APPROX   | CONTROL",
            "Gangs control an estimated 80% of the land around the capital.             | 80%        | 80 | 80 | APPROX   | CONTROL",
            "Ukraine now holds between 20 and 30 per cent of the region.                | between 20 and 30 per cent | 20 | 30 | EXACT | CONTROL",
            "Invaders have destroyed 80% of Popasna, the governor said.                 | 80%        | 80 | 80 | EXACT    | OTHER",
            "The town of Marinka was destroyed by 95% during the fighting.              | 95%        | 95 | 95 | EXACT    | OTHER",
    })
    void readsSharesOfANamedTerritory(String sentence, String surface, double min, double max, Qualifier qualifier,
                                      Kind kind) {
        TerritorialFigure f = only(sentence);
        assertFigure(f, surface, Quantity.SHARE, min, max, qualifier, kind);
        assertThat(f.normalizedUnit()).isEqualTo("percent");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "The incumbent won 57% of the vote in the capital.",
            "Some 45% of Russians back the annexation, a poll found.",
            "About 40% of high-rise buildings in the city were destroyed.",
            "The fire damaged 30% of the town's structures.",
            "Only 3% of Mariupol residents have access to water.",
            "Russian forces destroyed 90% of the city's infrastructure.",
            "Prices in Kyiv rose 20% of late, and bread costs 15 percent more.",
            "The fire was 49% contained on Saturday.",
            "Russia has lost more than 30% of its land combat power.",
            "Floods have hit 99% of US counties in three decades.",
            "The central bank raised its rate from 10% to 25%.",
            "Ukraine spends 30 percent of GDP on defence.",
    })
    void findsNoShareInPercentsOfAnythingElse(String sentence) {
        assertThat(figures(sentence)).as("figures of: %s", sentence).isEmpty();
    }

    // ---- not figures -----------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "The column moved at 3 km/h through the mud.",
            "The missile flew at 50 kilometres per hour before impact.",
            "Russian troops advanced 2 km a day in October.",
            "The shell weighed 420 kg and the launcher 20 tonnes.",
            "The package is worth $420 million and 300 million euros.",
            "Engineers blew up a 2 km bridge over the river.",
            "The soldier ran 5 km every morning.",
            "The convoy drove 500 km from Kyiv to Lviv.",
            "Trenches run for 20 km of the border.",
            "The apartment has 80 square metres and 3 rooms.",
            "The war began on February 24, 2022, and 420 days later it goes on.",
            "The unit lost 15 tanks and 30 armoured vehicles.",
            "A convoy moved at 5 km/h towards the town.",
            "The planet is just 3 million miles from its star.",
            "Protesters stood 40 meters away from me as I was talking.",
            "He was 300 meters away from the missile that hit the car.",
            "This missile can hit targets up to 190 miles (300 kilometers) away.",
            "They want missiles that can strike at a distance of 300 kilometers.",
            "The drone flew 20 km from Kyiv to Bila Tserkva.",
    })
    void findsNoFigureInWhatIsNoTerritorialFigure(String sentence) {
        assertThat(figures(sentence)).as("figures of: %s", sentence).isEmpty();
    }

    // ---- sharing -------------------------------------------------------------------------------

    @Test
    void twoThreadsSharingOneExtractorGetWhatOneThreadGets() throws Exception {
        String text = sampleText() + "\n\nUkrainian forces captured 1,000 square kilometres and burned 80 000 hectares."
                + " The town lies 530 km (330 miles) southwest of Moscow.";
        List<CoreMap> sentences = sentences(text);
        List<TerritorialFigure> serial = extractAll(sentences, text);
        assertThat(serial).hasSize(7);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<List<TerritorialFigure>>>> runs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                runs.add(pool.submit(() -> {
                    List<List<TerritorialFigure>> results = new ArrayList<>();
                    for (int round = 0; round < 50; round++) {
                        results.add(extractAll(sentences, text));
                    }
                    return results;
                }));
            }
            for (Future<List<List<TerritorialFigure>>> run : runs) {
                assertThat(run.get()).allSatisfy(result -> assertThat(result).isEqualTo(serial));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<TerritorialFigure> extractAll(List<CoreMap> sentences, String text) {
        List<TerritorialFigure> out = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            out.addAll(extractor.extract(sentences.get(i), Field.TEXT, i, text));
        }
        return out;
    }

    /** Prints the extractor's cost per sentence on the sample (for the report); asserts only that it ran. */
    @Test
    void measuresCostPerSentence() throws IOException {
        String text = sampleText();
        List<CoreMap> withFigures = new ArrayList<>();
        List<CoreMap> without = new ArrayList<>();
        for (CoreMap sentence : sentences(text)) {
            (extractor.extract(sentence, Field.TEXT, 0, text).isEmpty() ? without : withFigures).add(sentence);
        }
        // Long warm-up: after the varied sentences of the other tests the JIT recompiles for a while.
        for (int round = 0; round < 1000; round++) {
            extractAll(withFigures, text);
            extractAll(without, text);
        }
        int rounds = 300;
        long start = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            extractAll(withFigures, text);
        }
        long middle = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            extractAll(without, text);
        }
        long end = System.nanoTime();
        System.out.printf("FigureExtractor, warm: %.0f µs per sentence with figures (%d), %.1f µs per sentence"
                        + " without (%d)%n", (middle - start) / 1e3 / rounds / withFigures.size(), withFigures.size(),
                (end - middle) / 1e3 / rounds / without.size(), without.size());
        assertThat(withFigures).hasSize(4);
    }
}
