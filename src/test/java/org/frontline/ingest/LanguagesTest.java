package org.frontline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The language of records, with sentences written for this test. */
class LanguagesTest {

    @Test
    void englishIsAnnotated() {
        Languages.Guess g = Languages.detect("Troops push toward the river crossing",
                "Soldiers said on Monday that they had pushed the enemy back from two villages east of the river.");
        assertThat(g.language()).isEqualTo("en");
        assertThat(g.annotatable()).isTrue();
    }

    @Test
    void polishAndGermanAreNot() {
        Languages.Guess pl = Languages.detect("Wojsko odzyskało dwie wsie",
                "Żołnierze powiedzieli w poniedziałek, że odepchnęli wroga od dwóch wsi na wschód od rzeki.");
        assertThat(pl.language()).isEqualTo("pl");
        assertThat(pl.annotatable()).isFalse();
        Languages.Guess de = Languages.detect("Truppen rücken zum Fluss vor",
                "Die Soldaten sagten am Montag, sie hätten den Feind aus zwei Dörfern östlich des Flusses vertrieben.");
        assertThat(de.language()).isEqualTo("de");
    }

    @Test
    void tooLittleTextIsUndeterminedAndAnnotated() {
        Languages.Guess g = Languages.detect("Kyiv under fire", "");
        assertThat(g.language()).isEqualTo(Languages.UNDETERMINED);
        assertThat(g.annotatable()).isTrue();
    }

    @Test
    void otherScriptsAreToldApart() {
        assertThat(Languages.detect("Войска продвинулись к реке",
                "Военные заявили в понедельник, что отбросили противника от двух сёл к востоку от реки.").language())
                .isEqualTo("ru");
    }
}
