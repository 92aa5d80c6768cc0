package org.frontline.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SpanMatchTest {
    private static Mention m(int begin, int end, String key) {
        return new Mention("ruwa/1", "text", begin, end, "x", key, key);
    }

    @Test
    void anOverlappingPredictionWithTheGoldKeyIsCorrect() {
        SpanMatch match = new SpanMatch(List.of(m(10, 22, "admin1:RU.41")), List.of(m(10, 15, "admin1:RU.41")));
        assertThat(match.correct()).isEqualTo(1);
        assertThat(match.precision()).isEqualTo(1.0);
        assertThat(match.recall()).isEqualTo(1.0);
    }

    @Test
    void aFoundButWronglyResolvedMentionCountsAgainstBothPrecisionAndRecall() {
        SpanMatch match = new SpanMatch(List.of(m(10, 22, "admin1:RU.41"), m(30, 35, "country:UA")),
                List.of(m(10, 15, "geonames:538560"), m(30, 35, "country:UA"), m(50, 55, "country:RU")));
        assertThat(match.detected()).isEqualTo(2);
        assertThat(match.correct()).isEqualTo(1);
        assertThat(match.precision()).isEqualTo(1.0 / 3);
        assertThat(match.recall()).isEqualTo(0.5);
        assertThat(match.wrong()).hasSize(1);
        assertThat(match.spurious()).extracting(Mention::key).containsExactly("country:RU");
    }

    @Test
    void pairsAreOneToOneLargestOverlapFirst() {
        // Two predictions inside one gold span: one matches, the other is spurious.
        SpanMatch match = new SpanMatch(List.of(m(0, 20, "a")), List.of(m(0, 4, "a"), m(5, 20, "a")));
        assertThat(match.correct()).isEqualTo(1);
        assertThat(match.spurious()).extracting(Mention::begin).containsExactly(0);
    }

    @Test
    void mentionsOfOtherArticlesOrFieldsNeverMatch() {
        Mention gold = new Mention("ruwa/1", "title", 0, 5, "Kyiv", "k", "Kyiv");
        Mention other = new Mention("ruwa/1", "text", 0, 5, "Kyiv", "k", "Kyiv");
        SpanMatch match = new SpanMatch(List.of(gold), List.of(other));
        assertThat(match.correct()).isZero();
        assertThat(match.missed()).containsExactly(gold);
    }
}
