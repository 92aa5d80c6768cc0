package org.frontline.extract.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.frontline.ShippedConf;
import org.junit.jupiter.api.Test;

/** The gate before SUTime with the shipped word lists (conf/figures/words.tsv). */
class TimeWordsTest {
    private static final TimeWords SHIPPED = ShippedConf.reference().attribution().timeWords();

    private static boolean gate(String sentence) {
        return SHIPPED.mayHoldAPeriod(Arrays.asList(sentence.split(" ")));
    }

    @Test
    void datesDurationsAndRelativeDaysOpenTheGate() {
        assertThat(gate("Russia has taken 420 sq km of territory since June 14 , Shoigu said")).isTrue();
        assertThat(gate("Ukraine liberated 40 settlements over the past day")).isTrue();
        assertThat(gate("The army retook 12 villages in three weeks")).isTrue();
        assertThat(gate("Forces advanced 50 km on Tuesday")).isTrue();
        assertThat(gate("Forces advanced 50 km yesterday")).isTrue();
        assertThat(gate("Fires burned 5,000 hectares in 2022")).isTrue();
        assertThat(gate("Fires burned 5,000 hectares by mid-July")).isTrue();
        assertThat(gate("A three-day push gained 10 km")).isTrue();
        assertThat(gate("It was reported on 14.06.2022 that 12 villages fell")).isTrue();
        assertThat(gate("Troops took 3 villages on Aug. 2")).isTrue();
        assertThat(gate("By May the front had moved 20 km")).isTrue();
    }

    @Test
    void sentencesWithoutAWordOfTimeKeepItShut() {
        assertThat(gate("The town of Sudzha , 530 km ( 330 miles ) southwest of Moscow")).isFalse();
        assertThat(gate("Russian forces may have taken 15 villages near Bakhmut")).isFalse();
        assertThat(gate("Protesters march 20 miles to the capital")).isFalse();
        assertThat(gate("Ukraine controls 45 % of the Donetsk region")).isFalse();
        assertThat(gate("The fire spread over 300 acres")).isFalse();
    }
}
