package org.frontline.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CyrillicTest {

    @Test
    void romanisesRussianRegionNamesAsEnglishTextWritesThem() {
        assertThat(Cyrillic.toLatin("Курская область")).isEqualTo("Kurskaya oblast");
        assertThat(Cyrillic.toLatin("Запорожская область")).isEqualTo("Zaporozhskaya oblast");
        assertThat(Cyrillic.toLatin("Краснодарский край")).isEqualTo("Krasnodarskiy kray");
        assertThat(Cyrillic.toLatin("Республика Дагестан")).isEqualTo("Respublika Dagestan");
        assertThat(Cyrillic.toLatin("Ханты-Мансийский автономный округ")).isEqualTo("Khanty-Mansiyskiy avtonomnyy okrug");
    }

    @Test
    void iotatesEAtTheStartOfAWordAndAfterAVowelAndDropsSigns() {
        assertThat(Cyrillic.toLatin("Ельня")).isEqualTo("Yelnya");
        assertThat(Cyrillic.toLatin("Орёл")).isEqualTo("Oryol");
        assertThat(Cyrillic.toLatin("Еврейская автономная область")).isEqualTo("Yevreyskaya avtonomnaya oblast");
        assertThat(Cyrillic.toLatin("Подъезд")).isEqualTo("Podyezd");
        assertThat(Cyrillic.toLatin("Щёкино")).isEqualTo("Shchyokino");
    }

    @Test
    void leavesOtherCharactersAlone() {
        assertThat(Cyrillic.toLatin("Mykolaivska oblast")).isEqualTo("Mykolaivska oblast");
    }
}
