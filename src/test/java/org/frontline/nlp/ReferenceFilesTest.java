package org.frontline.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

import org.frontline.ShippedConf;
import org.frontline.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The word lists of conf/ are reference data: read with the rest, and counted in the versions of runs.versions. */
class ReferenceFilesTest {

    @Test
    void theShippedWordListsAreRead() {
        ReferenceFiles shipped = ShippedConf.reference();
        assertThat(shipped.placeGuards().regionWords()).containsExactlyInAnyOrder("region", "oblast", "province", "krai",
                "governorate");
        assertThat(shipped.placeGuards().districtWords()).contains("district", "raion", "county");
        assertThat(shipped.placeGuards().compassWords()).contains("west").doesNotContain("midwest");
        assertThat(shipped.placeGuards().organizationHeads()).contains("University", "Post");
        assertThat(shipped.actorWords().services()).containsEntry("navy", "Navy");
        assertThat(shipped.actorWords().formationHeads()).contains("Brigade");
        assertThat(shipped.actorWords().titleWords()).contains("president", "justice");
    }

    @ParameterizedTest
    @CsvSource({"gazetteer/guards.tsv, locative, gazetteer", "actors/words.tsv, honorific, aliases",
            "figures/words.tsv, region_noun, attribution"})
    void aWordAddedChangesItsGroupsVersionOnly(String file, String list, String group, @TempDir Path temp)
            throws IOException {
        Path conf = copy(ShippedConf.dir(), temp.resolve("conf"));
        NlpProfile profile = NlpProfile.load(conf, "default");
        ReferenceFiles before = ReferenceFiles.read(conf, profile);
        Files.writeString(conf.resolve(file), list + "\tzzyzx\n", StandardOpenOption.APPEND);
        ReferenceFiles after = ReferenceFiles.read(conf, profile);
        assertThat(after.gazetteerVersion().equals(before.gazetteerVersion())).isEqualTo(!group.equals("gazetteer"));
        assertThat(after.aliasesVersion().equals(before.aliasesVersion())).isEqualTo(!group.equals("aliases"));
        assertThat(after.attributionVersion().equals(before.attributionVersion())).isEqualTo(!group.equals("attribution"));
    }

    @Test
    void aListNameMistypedSaysWhichFileLineAndListsThereAre(@TempDir Path temp) throws IOException {
        Path conf = copy(ShippedConf.dir(), temp.resolve("conf"));
        Files.writeString(conf.resolve("gazetteer/guards.tsv"), "locatives\tamid\n", StandardOpenOption.APPEND);
        ReferenceFiles reference = ReferenceFiles.read(conf, NlpProfile.load(conf, "default"));
        assertThatThrownBy(reference::placeGuards).isInstanceOf(UserError.class)
                .hasMessageContaining("guards.tsv:").hasMessageContaining("'locatives'").hasMessageContaining("locative,");
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }
}
