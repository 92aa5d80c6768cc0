package org.frontline.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

/** The loader on tiny hand-written files (src/test/resources/org/frontline/gazetteer). */
class GazetteerTest {

    static byte[] resource(String name) throws IOException {
        try (InputStream in = GazetteerTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    static Gazetteer load(byte[] places, byte[] curated, byte[] stopnames) throws IOException {
        return Gazetteer.load(new ByteArrayInputStream(gzip(places)), new ByteArrayInputStream(curated),
                new ByteArrayInputStream(stopnames));
    }

    static Gazetteer fixture() throws IOException {
        return load(resource("places.tsv"), resource("curated.tsv"), resource("stopnames.txt"));
    }

    private static List<String> ids(List<Place> places) {
        return places.stream().map(Place::id).toList();
    }

    // ------------------------------------------------------------------------------------------- key

    @Test
    void keyIgnoresCaseAccentsAndUkrainianLetterYi() {
        assertThat(Gazetteer.key("Kyiv")).isEqualTo("kyiv");
        assertThat(Gazetteer.key("KYIV")).isEqualTo("kyiv");
        assertThat(Gazetteer.key("Kyїv")).isEqualTo("kyiv");
        assertThat(Gazetteer.key("Kyïv")).isEqualTo("kyiv");
        assertThat(Gazetteer.key("Ódessa")).isEqualTo("odessa");
    }

    @Test
    void keyRemovesApostrophesAndTurnsHyphensAndPunctuationIntoOneSpace() {
        assertThat(Gazetteer.key("Khar'kov")).isEqualTo("kharkov");
        assertThat(Gazetteer.key("Khar’kov")).isEqualTo("kharkov");
        assertThat(Gazetteer.key("Kamʼianske")).isEqualTo("kamianske");
        assertThat(Gazetteer.key("Ivano-Frankivsk")).isEqualTo("ivano frankivsk");
        assertThat(Gazetteer.key("St. Louis")).isEqualTo("st louis");
        assertThat(Gazetteer.key("U.S.")).isEqualTo("u s");
        assertThat(Gazetteer.key("  Nizhny \t Novgorod  ")).isEqualTo("nizhny novgorod");
        assertThat(Gazetteer.key("North Ossetia–Alania")).isEqualTo("north ossetia alania");
    }

    @Test
    void keyDropsALeadingTheOnly() {
        assertThat(Gazetteer.key("the Black Sea")).isEqualTo("black sea");
        assertThat(Gazetteer.key("The Hague")).isEqualTo("hague");
        assertThat(Gazetteer.key("Theodosia")).isEqualTo("theodosia");
        assertThat(Gazetteer.key("Sea of the Hebrides")).isEqualTo("sea of the hebrides");
    }

    @Test
    void keyKeepsPossessivesForTheResolverToStrip() {
        assertThat(Gazetteer.key("Russia's")).isEqualTo("russias");
    }

    @Test
    void keyFoldsLettersWithoutADecompositionAndDropsSoftHyphens() {
        assertThat(Gazetteer.key("Łódź")).isEqualTo("lodz");
        assertThat(Gazetteer.key("Øresund")).isEqualTo("oresund");
        assertThat(Gazetteer.key("Straße")).isEqualTo("strasse");
        assertThat(Gazetteer.key("İstanbul")).isEqualTo("istanbul");
        assertThat(Gazetteer.key("Zapo\u00ADrizhzhia")).isEqualTo("zaporizhzhia");
    }

    @Test
    void keyOfNonLatinTextIsLowerCaseWithoutMarks() {
        assertThat(Gazetteer.key("Київ")).isEqualTo("киiв"); // і, ї read as Latin i (see keyIgnoresCase...)
        assertThat(Gazetteer.key("東京")).isEqualTo("東京");
    }

    @Test
    void fastKeyAgreesWithTheDefinitionForEveryCharacterItHandles() {
        for (char c = 0; c < 0x2070; c++) {
            String s = "A" + c + "b" + c;
            assertThat(Gazetteer.key(s)).as("U+%04X", (int) c).isEqualTo(Gazetteer.slowKey(s));
        }
    }

    // ------------------------------------------------------------------------------------------- lookups

    @Test
    void candidatesFindCanonicalAndAlternateNamesByKey() throws IOException {
        Gazetteer g = fixture();
        assertThat(ids(g.candidates("Kiev"))).containsExactly("geonames:703448");
        assertThat(ids(g.candidates("KYÏV"))).containsExactly("geonames:703448");
        assertThat(ids(g.candidates("Kijow"))).containsExactly("geonames:703448");
        assertThat(ids(g.candidates("Ivano Frankivsk"))).containsExactly("geonames:3");
        assertThat(g.candidates("Atlantis")).isEmpty();
    }

    @Test
    void candidatesComeCountryThenAdmin1ThenOtherThenCityThenLargestFirst() throws IOException {
        Gazetteer g = fixture();
        assertThat(ids(g.candidates("Georgia"))).containsExactly(
                "country:GE", "admin1:US.GA", "other:colchis", "geonames:2", "geonames:1");
        assertThat(ids(g.candidates("Odessa"))).containsExactly("geonames:698740", "geonames:4709796");
        assertThat(ids(g.candidates("Donetsk"))).containsExactly("admin1:UA.05", "geonames:709717");
    }

    @Test
    void aPlaceIsListedOnceEvenWhenSeveralOfItsNamesShareAKey() throws IOException {
        Gazetteer g = fixture();
        // "Ivano-Frankivsk" and its alternate "Ivano Frankivs'k" have the same key.
        assertThat(g.candidates("ivano-frankivsk")).hasSize(1);
    }

    @Test
    void candidatesAreUnmodifiable() throws IOException {
        List<Place> c = fixture().candidates("Kyiv");
        assertThatThrownBy(() -> c.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void placesCarryTheirColumns() throws IOException {
        Place kyiv = fixture().byId("geonames:703448").orElseThrow();
        assertThat(kyiv).isEqualTo(new Place("geonames:703448", "Kyiv", Place.CITY, "UA", "12", 50.45466, 30.5238,
                2797553L, "PPLC"));
        Place donbas = fixture().byId("other:donbas").orElseThrow();
        assertThat(donbas.population()).isNull();
        assertThat(donbas.admin1Code()).isNull();
        assertThat(fixture().byId("other:black-sea").orElseThrow().countryCode()).isNull();
    }

    @Test
    void countryAndAdmin1AreFoundByTheirCodes() throws IOException {
        Gazetteer g = fixture();
        assertThat(g.country("ua").map(Place::name)).contains("Ukraine");
        assertThat(g.admin1("UA", "05").map(Place::name)).contains("Donetsk Oblast");
        assertThat(g.admin1("UA", "99")).isEmpty();
        assertThat(g.byId("geonames:0")).isEmpty();
    }

    @Test
    void curatedRegionsAreLoadedBesideThePlacesFile() throws IOException {
        Gazetteer g = fixture();
        assertThat(g.byId("other:donbas").map(Place::type)).contains(Place.OTHER);
        assertThat(ids(g.candidates("Donbass"))).containsExactly("other:donbas");
        assertThat(ids(g.candidates("the Black Sea"))).containsExactly("other:black-sea");
        assertThat(g.size()).isEqualTo(15 + 3);
    }

    @Test
    void aStopnameAlternateIsNotIndexedButAStopnameCanonicalIsAndIsFlagged() throws IOException {
        Gazetteer g = fixture();
        assertThat(g.candidates("Hope")).isEmpty(); // alternate of Hopewell
        assertThat(ids(g.candidates("Hopewell"))).containsExactly("geonames:4060000");
        assertThat(ids(g.candidates("Mobile"))).containsExactly("geonames:4076598");
        assertThat(g.isStopname("Mobile")).isTrue();
        assertThat(g.isStopname("mobile")).isTrue();
        assertThat(g.isStopname("Stalin")).isTrue(); // written STALIN in the file
        assertThat(g.isStopname("Kyiv")).isFalse();
        assertThat(g.stopnames()).containsExactlyInAnyOrder("mobile", "hope", "stalin");
    }

    @Test
    void maxNameTokensIsTheLongestKeyInTokens() throws IOException {
        // "Saint Petersburg on the Neva River in Russia"
        assertThat(fixture().maxNameTokens()).isEqualTo(8);
    }

    @Test
    void versionIsAShortHashThatChangesWithAnyOfTheFiles() throws IOException {
        Gazetteer a = fixture();
        Gazetteer b = fixture();
        assertThat(a.version()).matches("[0-9a-f]{12}").isEqualTo(b.version());
        byte[] curated = (new String(resource("curated.tsv"), StandardCharsets.UTF_8) + "# edited\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(load(resource("places.tsv"), curated, resource("stopnames.txt")).version())
                .isNotEqualTo(a.version());
    }

    // ------------------------------------------------------------------------------------------- errors

    @Test
    void aMalformedRowNamesItsFileAndLine() {
        String places = PlacesTsv.HEADER + "\ncountry:UA\tUkraine\tcountry\tUA\n";
        assertThatThrownBy(() -> load(places.getBytes(StandardCharsets.UTF_8), resource("curated.tsv"),
                new byte[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("places.tsv.gz line 2: expected 10 tab-separated columns");
    }

    @Test
    void anUnknownTypeOrABadNumberIsReported() {
        String badType = PlacesTsv.HEADER + "\nx:1\tX\tvillage\t\t\t\t\t\t\t\n";
        assertThatThrownBy(() -> load(badType.getBytes(StandardCharsets.UTF_8), resource("curated.tsv"), new byte[0]))
                .hasMessageContaining("line 2: unknown type 'village'");
        String badNumber = PlacesTsv.HEADER + "\nx:1\tX\tcity\t\t\tnorth\t\t\t\t\n";
        assertThatThrownBy(() -> load(badNumber.getBytes(StandardCharsets.UTF_8), resource("curated.tsv"),
                new byte[0])).hasMessageContaining("line 2: latitude, longitude and population must be numbers");
    }

    @Test
    void aCuratedIdThatRepeatsAPlaceIdIsRejectedWithItsLine() throws IOException {
        String curated = "# x\n" + PlacesTsv.HEADER + "\ngeonames:703448\tKyiv again\tother\t\t\t\t\t\t\t\n";
        assertThatThrownBy(() -> load(resource("places.tsv"), curated.getBytes(StandardCharsets.UTF_8),
                new byte[0])).hasMessage("curated.tsv line 3: duplicate id geonames:703448");
    }

    @Test
    void aFileWithoutTheHeaderLineIsRejected() {
        assertThatThrownBy(() -> load("country:UA\tUkraine\tcountry\tUA\t\t\t\t\t\t\n".getBytes(StandardCharsets.UTF_8),
                resource("curated.tsv"), new byte[0]))
                .hasMessageStartingWith("places.tsv.gz line 1: expected the header line");
    }

    // ------------------------------------------------------------------------------------------- admin2, features

    private static Gazetteer admin2Fixture() throws IOException {
        return load(resource("places-admin2.tsv"), resource("curated.tsv"), resource("stopnames.txt"));
    }

    @Test
    void aDistrictIsFoundByIdAndByItsCodes() throws IOException {
        Gazetteer g = admin2Fixture();
        Place raion = g.byId("admin2:UA.05.1402").orElseThrow();
        assertThat(raion.type()).isEqualTo(Place.ADMIN2);
        assertThat(raion.admin1Code()).isEqualTo("05");
        assertThat(raion.admin2Code()).isEqualTo("1402");
        assertThat(g.admin2("ua", "05", "1402")).contains(raion);
        assertThat(g.admin2("UA", "05", "9999")).isEmpty();
        assertThat(g.byId("geonames:713174").orElseThrow().admin2Code()).isNull();
    }

    @Test
    void aBareNameIsTheCityAndTheDistrictOnlyWhenTheTextSaysDistrictOrRaion() throws IOException {
        Gazetteer g = admin2Fixture();
        assertThat(ids(g.candidates("Bakhmut"))).containsExactly("geonames:713174");
        assertThat(ids(g.candidates("Artemivsk"))).containsExactly("geonames:713174");
        assertThat(ids(g.candidates("Bakhmut district"))).containsExactly("admin2:UA.05.1402");
        assertThat(ids(g.candidates("Bakhmut Raion"))).containsExactly("admin2:UA.05.1402");
        assertThat(ids(g.candidates("bakhmutskyi raion"))).containsExactly("admin2:UA.05.1402");
        assertThat(ids(g.candidates("Sudzhansky District"))).containsExactly("admin2:RU.41.1");
        assertThat(g.candidates("Sudzha")).isEmpty();
        assertThat(ids(g.bareCandidates("Bakhmut"))).containsExactly("admin2:UA.05.1402");
        assertThat(ids(g.bareCandidates("Sudzha"))).containsExactly("admin2:RU.41.1");
        assertThat(g.bareCandidates("Bakhmut district")).isEmpty();
    }

    @Test
    void aCityComesBeforeADistrictOfTheSameNameHoweverLarger() throws IOException {
        Gazetteer g = admin2Fixture();
        assertThat(ids(g.candidates("Lake County"))).containsExactly("geonames:1", "admin2:US.FL.069");
        assertThat(Place.typeRank(Place.CITY)).isLessThan(Place.typeRank(Place.ADMIN2));
        assertThat(Place.typeRank(Place.ADMIN2)).isLessThan(Place.typeRank(Place.FEATURE));
    }

    @Test
    void aFeatureIsFoundByItsQualifiedNamesAndItsBareNameOnlyInTheBareIndex() throws IOException {
        Gazetteer g = admin2Fixture();
        assertThat(ids(g.candidates("Lake Baikal"))).containsExactly("feature:lake-baikal");
        assertThat(ids(g.candidates("Dnieper River"))).containsExactly("feature:dnipro-river");
        assertThat(g.candidates("Baikal")).isEmpty();
        assertThat(g.candidates("Dnipro")).isEmpty();
        assertThat(ids(g.bareCandidates("Baykal"))).containsExactly("feature:lake-baikal");
        assertThat(ids(g.bareCandidates("Dnieper"))).containsExactly("feature:dnipro-river");
        // "Ozero Baykal" has no English qualifier: bare.
        assertThat(ids(g.bareCandidates("Ozero Baykal"))).containsExactly("feature:lake-baikal");
    }

    @Test
    void aStopnameAlternateOfADistrictIsIndexedNowhere() throws IOException {
        Gazetteer g = admin2Fixture();
        assertThat(g.candidates("Hope")).isEmpty();
        assertThat(g.bareCandidates("Hope")).isEmpty();
    }

    @Test
    void bareNamesNeitherCountTowardsTheLongestNameNorContinueAMatch() throws IOException {
        Gazetteer g = admin2Fixture();
        assertThat(g.keys()).contains("bakhmut raion").doesNotContain("baikal", "ozero baykal");
        assertThat(g.continues("ozero")).isFalse();
        assertThat(g.continues("bakhmut")).isTrue(); // "bakhmut district"
        assertThat(g.maxNameTokens()).isEqualTo(2); // "ozero baykal" would be 2 too, but the fixture has no 3
        assertThat(g.bareKeyCount()).isPositive();
    }

    @Test
    void qualifiersAreTheWordsThatSayWhatADistrictOrFeatureIs() {
        assertThat(Gazetteer.isQualifier("District")).isTrue();
        assertThat(Gazetteer.isQualifier("raion")).isTrue();
        assertThat(Gazetteer.isQualifier("County")).isTrue();
        assertThat(Gazetteer.isQualifier("Lake")).isTrue();
        assertThat(Gazetteer.isQualifier("region")).isFalse(); // "Kursk region" is the oblast
        assertThat(Gazetteer.isQualifier("Bakhmut")).isFalse();
    }
}
