package org.frontline.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.frontline.gazetteer.Admin1Names.IsoName;
import org.junit.jupiter.api.Test;

class Admin1NamesTest {
    private final Admin1Names shipped = Admin1Names.shipped();

    @Test
    void everyUkrainianOblastIsNamedXOblastExceptCrimeaAndTheTwoCities() {
        for (int i = 1; i <= 27; i++) {
            String code = String.format("UA.%02d", i);
            String name = shipped.canonical(code, "whatever", Set.of());
            switch (code) {
                case "UA.11" -> assertThat(name).isEqualTo("Crimea");
                case "UA.12" -> assertThat(name).isEqualTo("Kyiv City");
                case "UA.20" -> assertThat(name).isEqualTo("Sevastopol City");
                default -> assertThat(name).as(code).endsWith(" Oblast");
            }
        }
        assertThat(shipped.canonical("UA.05", "Donetsk", Set.of())).isEqualTo("Donetsk Oblast");
        assertThat(shipped.canonical("UA.26", "Zaporizhzhia", Set.of())).isEqualTo("Zaporizhzhia Oblast");
    }

    @Test
    void russianRegionsFollowEnglishUsageAndTheFederalCitiesAreDistinctFromTheCities() {
        assertThat(shipped.canonical("RU.41", "Kursk Oblast", Set.of())).isEqualTo("Kursk Oblast");
        assertThat(shipped.canonical("RU.61", "Rostov", Set.of())).isEqualTo("Rostov Oblast");
        assertThat(shipped.canonical("RU.38", "Krasnodar Krai", Set.of())).isEqualTo("Krasnodar Krai");
        assertThat(shipped.canonical("RU.17", "Dagestan", Set.of())).isEqualTo("Dagestan");
        assertThat(shipped.canonical("RU.48", "Moscow", Set.of())).isEqualTo("Moscow (federal city)");
        assertThat(shipped.canonical("RU.47", "Moscow Oblast", Set.of())).isEqualTo("Moscow Oblast");
        assertThat(shipped.canonical("RU.66", "St.-Petersburg", Set.of())).isEqualTo("Saint Petersburg (federal city)");
    }

    @Test
    void aRegionNamedAsTheCountrysCapitalIsMarkedAsTheRegion() {
        assertThat(shipped.canonical("KZ.02", "Astana", Set.of("astana"))).isEqualTo("Astana (region)");
        assertThat(shipped.alternates("KZ.02", "Astana", null, Set.of("astana"))).doesNotContain("Astana");
        assertThat(shipped.canonical("KZ.01", "Almaty Region", Set.of("astana"))).isEqualTo("Almaty Region");
        assertThat(shipped.canonical("US.WA", "Washington", Set.of("washington"))).isEqualTo("Washington (state)");
    }

    @Test
    void oblastAlternatesCoverTransliterationsSuffixesAndTheIsoAndRussianForms() {
        IsoName iso = new IsoName("UA-23", "Zaporizka oblast", "Region", "Запорожская область");
        List<String> alts = shipped.alternates("UA.26", "Zaporizhzhia", iso, Set.of());
        assertThat(alts).contains("Zaporizhzhia", "Zaporozhye", "Zaporozhye region", "Zaporizhzhia Oblast",
                "Zaporizhia Oblast", "Zaporizhzhya province", "Zaporizka oblast", "Zaporozhskaya oblast");
    }

    @Test
    void theCapitalsNameIsNeverABareAlternateOfARegion() {
        List<String> kyivOblast = shipped.alternates("UA.13", "Kyiv Oblast",
                new IsoName("UA-32", "Kyivska oblast", "Region", "Киевская область"), Set.of("kyiv"));
        assertThat(kyivOblast).contains("Kyiv region", "Kiev Oblast", "Kyivska oblast", "Kiyevskaya oblast")
                .doesNotContain("Kyiv", "Kiev");
        List<String> moscowCity = shipped.alternates("RU.48", "Moscow",
                new IsoName("RU-MOW", "Moskva", "Autonomous city", "Москва"), Set.of("moscow"));
        assertThat(moscowCity).contains("City of Moscow").doesNotContain("Moscow", "Moskva");
        // Generic regions elsewhere: "Kabul Oblast" would gain "Kabul region" but not "Kabul" (the capital).
        assertThat(shipped.alternates("AF.13", "Kabul Oblast", null, Set.of("kabul")))
                .contains("Kabul region").doesNotContain("Kabul");
    }

    @Test
    void otherRegionsGainTheirNameWithoutAGenericSuffixUnlessThatLeavesNoName() {
        assertThat(shipped.alternates("AF.27", "Maidan Wardak Province", null, Set.of())).contains("Maidan Wardak");
        assertThat(shipped.alternates("KG.03", "Osh Oblast", null, Set.of())).contains("Osh", "Osh region");
        assertThat(shipped.alternates("GH.13", "Western Region", null, Set.of())).doesNotContain("Western");
        assertThat(Admin1Names.stem("Republic of Tyva")).isEqualTo("Tyva");
        assertThat(Admin1Names.stem("Texas")).isNull();
    }

    @Test
    void aMalformedTableLineIsReportedWithItsNumber() {
        assertThatThrownBy(() -> Admin1Names.parse("# c\nUA.05\tDonetsk Oblast\tcounty\tDonetsk\ty\t\t\n", "t.tsv"))
                .hasMessageStartingWith("t.tsv line 2: expected code, canonical, kind");
    }
}
