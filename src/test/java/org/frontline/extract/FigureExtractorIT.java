package org.frontline.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;

import org.frontline.extract.TerritorialFigure.Kind;
import org.frontline.nlp.NlpProfile;
import org.frontline.nlp.Pipelines;
import org.frontline.extract.TerritorialFigure.Qualifier;
import org.frontline.extract.TerritorialFigure.Quantity;
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
    void aChangeIsNoRange() {
        assertThat(figures("Russian-held territory grew from 400 to 420 sq km in a week.")).isEmpty();
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

    // ---- not figures -----------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "The column moved at 3 km/h through the mud.",
            "The missile flew at 50 kilometres per hour before impact.",
            "Russian troops advanced 2 km a day in October.",
            "The shell weighed 420 kg and the launcher 20 tonnes.",
            "The package is worth $420 million and 300 million euros.",
            "Some 420 people were evacuated from 12 villages.",
            "Engineers blew up a 2 km bridge over the river.",
            "The soldier ran 5 km every morning.",
            "The front line stretches 1,000 km from Kharkiv to Kherson.",
            "The convoy drove 500 km from Kyiv to Lviv.",
            "Trenches run for 20 km of the border.",
            "A 600-mile-long (1,000-kilometer) front divides the country.",
            "The apartment has 80 square metres and 3 rooms.",
            "The war began on February 24, 2022, and 420 days later it goes on.",
            "The unit lost 15 tanks and 30 armoured vehicles.",
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
