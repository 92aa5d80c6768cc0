package org.frontline.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Facts the shipped gazetteer (conf/gazetteer, in the repository) must get right. */
class ShippedGazetteerTest {
    static final Path DIR = Path.of(System.getProperty("frontline.home", ".")).resolve("conf/gazetteer");
    static Gazetteer g;

    @BeforeAll
    static void load() throws IOException {
        g = Gazetteer.load(DIR);
    }

    /** The candidates that are populated places, largest first. */
    private static List<String> cities(String surface) {
        return g.candidates(surface).stream().filter(p -> p.type().equals(Place.CITY)).map(Place::id).toList();
    }

    @Test
    void kyivAndKievAreTheCapital() {
        assertThat(g.candidates("Kyiv").get(0).id()).isEqualTo("geonames:703448");
        assertThat(g.candidates("Kiev").get(0).id()).isEqualTo("geonames:703448");
        assertThat(g.byId("geonames:703448").orElseThrow().featureCode()).isEqualTo("PPLC");
    }

    @Test
    void kharkovIsKharkiv() {
        assertThat(cities("Kharkov").get(0)).isEqualTo("geonames:706483");
        assertThat(g.byId("geonames:706483").map(Place::name)).contains("Kharkiv");
    }

    @Test
    void artemivskAndBakhmutAreTheSamePlace() {
        assertThat(cities("Bakhmut").get(0)).isEqualTo("geonames:713174");
        assertThat(cities("Artemivsk").get(0)).isEqualTo("geonames:713174");
        assertThat(cities("Artemovsk").get(0)).isEqualTo("geonames:713174");
    }

    @Test
    void odessaIsTheUkrainianCityFirstThenTexas() {
        List<String> odessa = cities("Odessa");
        assertThat(odessa.get(0)).isEqualTo("geonames:698740");
        assertThat(g.byId("geonames:698740").map(Place::name)).contains("Odesa");
        assertThat(odessa).anySatisfy(id -> assertThat(g.byId(id).orElseThrow().countryCode()).isEqualTo("US"));
    }

    @Test
    void zaporozhyeAndZaporizhzhiaAreZaporizhzhyaCity() {
        assertThat(cities("Zaporozhye").get(0)).isEqualTo("geonames:687700");
        assertThat(cities("Zaporizhzhia").get(0)).isEqualTo("geonames:687700");
        assertThat(g.byId("geonames:687700").map(Place::name)).contains("Zaporizhzhya");
    }

    @Test
    void mykolaivTheCityIsMykolayivByPopulation() {
        // GeoNames: "Mykolayiv" is the city (470,011); "Mykolaiv" also names a town of 14,498.
        assertThat(cities("Mykolaiv").get(0)).isEqualTo("geonames:700569");
    }

    @Test
    void ukrainianRegionsHaveConsistentNames() {
        assertThat(g.byId("admin1:UA.05").map(Place::name)).contains("Donetsk Oblast");
        assertThat(g.byId("admin1:UA.11").map(Place::name)).contains("Crimea");
        assertThat(g.byId("admin1:UA.12").map(Place::name)).contains("Kyiv City");
        assertThat(g.byId("admin1:UA.13").map(Place::name)).contains("Kyiv Oblast");
        assertThat(g.candidates("Donetsk region").get(0).id()).isEqualTo("admin1:UA.05");
        assertThat(g.candidates("Zaporozhye region").get(0).id()).isEqualTo("admin1:UA.26");
        assertThat(g.candidates("Kharkivska oblast").get(0).id()).isEqualTo("admin1:UA.07");
    }

    @Test
    void kurskOblastIsNamedSoAndSitsOnKurskCity() {
        Place kursk = g.candidates("Kursk Oblast").get(0);
        assertThat(kursk.id()).isEqualTo("admin1:RU.41");
        assertThat(kursk.name()).isEqualTo("Kursk Oblast");
        assertThat(kursk.latitude()).isCloseTo(51.7, within(0.1));
        assertThat(kursk.longitude()).isCloseTo(36.2, within(0.1));
    }

    @Test
    void moscowIsTheCityAndTheFederalCityIsDistinct() {
        assertThat(g.candidates("Moscow").get(0).featureCode()).isEqualTo("PPLC");
        assertThat(g.byId("admin1:RU.48").map(Place::name)).contains("Moscow (federal city)");
        assertThat(g.candidates("Moscow region").get(0).id()).isEqualTo("admin1:RU.47");
    }

    @Test
    void countriesHaveTheirNewsNames() {
        assertThat(g.country("UA").map(Place::name)).contains("Ukraine");
        assertThat(g.candidates("U.S.").get(0).id()).isEqualTo("country:US");
        assertThat(g.candidates("Britain").get(0).id()).isEqualTo("country:GB");
        assertThat(g.candidates("Czech Republic").get(0).id()).isEqualTo("country:CZ");
        // English news write "America" for the United States; the continents have names of their own.
        assertThat(g.candidates("America").get(0).id()).isEqualTo("country:US");
        assertThat(g.candidates("Latin America").get(0).id()).isEqualTo("other:latin-america");
        assertThat(g.candidates("Korea")).noneMatch(p -> p.type().equals(Place.COUNTRY));
    }

    @Test
    void mobileIsAStopnameAndDonbasIsCurated() {
        assertThat(g.isStopname("Mobile")).isTrue();
        assertThat(g.candidates("Mobile")).isNotEmpty();
        assertThat(g.byId("other:donbas").map(Place::type)).contains(Place.OTHER);
        assertThat(g.candidates("Donbass").get(0).id()).isEqualTo("other:donbas");
    }

    @Test
    void curatedIdsAreTheSlugsOfTheirNames() throws IOException {
        for (String line : Files.readAllLines(DIR.resolve("curated.tsv"))) {
            if (line.startsWith("other:")) {
                String[] f = line.split("\t", -1);
                assertThat(f[0]).isEqualTo("other:" + Gazetteer.key(f[1]).replace(' ', '-'));
            }
        }
    }

    @Test
    void theFileStaysSmall() throws IOException {
        long size = Files.size(DIR.resolve("places.tsv.gz"));
        System.out.printf("places.tsv.gz: %,d bytes, %,d places, %,d keys, version %s%n", size, g.size(),
                g.keyCount(), g.version());
        assertThat(size).isLessThan(8_000_000);
        assertThat(g.size()).isGreaterThan(60_000);
    }
}
