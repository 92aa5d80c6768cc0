package org.frontline.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentHashTest {

    @Test
    void isLowercaseHexSha256OfTitleNewlineText() {
        // sha256("T\nx") computed independently (printf 'T\nx' | sha256sum).
        assertThat(ContentHash.of("T", "x"))
                .isEqualTo("f88a6430b8d9124a12716a8968239053193554deb7d5a9c55a4d6628bcf3f9d8");
    }

    @Test
    void sameContentModuloWhitespaceGivesTheSameHash() {
        String a = ContentHash.of("Kharkiv  under fire", "Drones hit\nthe city.\n\nTwo wounded.");
        String b = ContentHash.of(" Kharkiv under\tfire ", "Drones hit the city. Two wounded. ");
        assertThat(a).isEqualTo(b).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void differentTextOrMovedTitleGivesADifferentHash() {
        String base = ContentHash.of("Title", "Text");
        assertThat(ContentHash.of("Title", "Text.")).isNotEqualTo(base);
        assertThat(ContentHash.of("", "Title Text")).isNotEqualTo(base);
        assertThat(ContentHash.of("TitleText", "")).isNotEqualTo(base);
    }
}
