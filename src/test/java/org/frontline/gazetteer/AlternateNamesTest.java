package org.frontline.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class AlternateNamesTest {

    @Test
    void keepsLatinNamesWithDiacriticsAndWhitelistedAbbreviations() {
        assertThat(AlternateNames.acceptable("Kyïv")).isTrue();
        assertThat(AlternateNames.acceptable("Kijów")).isTrue();
        assertThat(AlternateNames.acceptable("Khar'kov")).isTrue();
        assertThat(AlternateNames.acceptable("U.S.")).isTrue();
        assertThat(AlternateNames.acceptable("UK")).isTrue();
        assertThat(AlternateNames.acceptable("USA")).isTrue();
        assertThat(AlternateNames.acceptable("UAE")).isTrue();
        assertThat(AlternateNames.acceptable("DRC")).isTrue();
        assertThat(AlternateNames.acceptable("KYIVSKA OBLAST")).isTrue();
    }

    @Test
    void rejectsAirportAndCountryCodes() {
        assertThat(AlternateNames.acceptable("IEV")).isFalse();
        assertThat(AlternateNames.acceptable("ODS")).isFalse();
        assertThat(AlternateNames.acceptable("UKBB")).isFalse();
        assertThat(AlternateNames.acceptable("UA")).isFalse();
    }

    @Test
    void rejectsNonLatinScriptsDigitsUrlsAndOverlongNames() {
        assertThat(AlternateNames.acceptable("Київ")).isFalse();
        assertThat(AlternateNames.acceptable("キーウ")).isFalse();
        assertThat(AlternateNames.acceptable("Kyiv Київ")).isFalse();
        assertThat(AlternateNames.acceptable("Artemivsk2")).isFalse();
        assertThat(AlternateNames.acceptable("http://donetsk.example")).isFalse();
        assertThat(AlternateNames.acceptable("Www.kyiv.ua")).isFalse();
        assertThat(AlternateNames.acceptable("A".repeat(61))).isFalse();
    }

    @Test
    void rejectsLowerCaseRomanisationsAndIndexForms() {
        assertThat(AlternateNames.acceptable("ji fu")).isFalse();
        assertThat(AlternateNames.acceptable("kiyepeu")).isFalse();
        assertThat(AlternateNames.acceptable("Korea, Republic of")).isFalse();
        assertThat(AlternateNames.acceptable("Kyiv|Kiev")).isFalse();
        assertThat(AlternateNames.acceptable(" Kyiv")).isFalse();
        assertThat(AlternateNames.acceptable("")).isFalse();
        assertThat(AlternateNames.acceptable("K")).isFalse();
    }

    @Test
    void rejectsTwoLetterNamesButWhitelistedAndDottedAbbreviations() {
        assertThat(AlternateNames.acceptable("Mo")).isFalse();
        assertThat(AlternateNames.acceptable("In")).isFalse();
        assertThat(AlternateNames.acceptable("US")).isTrue();
        assertThat(AlternateNames.acceptable("U.K.")).isTrue();
        assertThat(AlternateNames.acceptable("L.A.")).isTrue();
        assertThat(AlternateNames.acceptable("Ufa")).isTrue();
    }

    @Test
    void cleanKeepsOneSpellingPerKeyPlainestFirstSortedAndNeverTheCanonical() {
        List<String> alts = AlternateNames.clean("Odesa",
                List.of("Ódessa", "Odessa", "ODS", "Одеса", "Odesa", "odessa", "Odessos", "Ades", "ODESA"));
        assertThat(alts).containsExactly("Ades", "Odessa", "Odessos");
    }
}
