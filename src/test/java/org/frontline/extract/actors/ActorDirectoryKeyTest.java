package org.frontline.extract.actors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ActorDirectoryKeyTest {
    @Test
    void foldsCaseAccentsPossessivesAndSpelling() {
        assertThat(ActorDirectory.key("NATO")).isEqualTo("nato");
        assertThat(ActorDirectory.key("Defence")).isEqualTo("defense");
        assertThat(ActorDirectory.key("Russia's Defence Ministry")).isEqualTo("russia defense ministry");
        assertThat(ActorDirectory.key("The Kremlin")).isEqualTo("kremlin");
        assertThat(ActorDirectory.key("Zelenskyy’s")).isEqualTo("zelenskyy");
        assertThat(ActorDirectory.key("Łukasz Müller")).isEqualTo("łukasz muller");
        assertThat(ActorDirectory.key("")).isEmpty();
    }

    /** A plain word takes a shortcut; with a full stop after it, the same word goes the whole way: same key. */
    @Test
    void aPlainWordGetsTheKeyOfTheWholeNormalisation() {
        for (String word : List.of("Kyiv", "NATO", "Wagner", "DEFENCE", "Defenceless", "the", "The", "F16", "2024",
                "x", "Azov")) {
            assertThat(ActorDirectory.key(word)).as(word).isEqualTo(ActorDirectory.key(word + "."));
        }
    }
}
