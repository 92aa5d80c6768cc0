package org.frontline.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import edu.stanford.nlp.ling.CoreLabel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * When NER's CRF may read a tag: only for a capitalised word repeated in its sentence at least 3 tokens apart
 * (its occurrence patterns); then the sentence is tagged before NER. {@code TagOnDemandIT} checks, with the real
 * pipeline, that the output is the same.
 */
class SentenceAnnotatorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // A name repeated 3 or more tokens apart: the CRF reads whether the words next to it are NNP.
        "Officials in New Delhi said New Delhi would not take sides . | true",
        "Zelensky met the generals , and Zelensky left . | true",
        // NER merges hyphen-split words again: a repeat of the first part may be a repeat of the merged word.
        "Russia - backed officials said Russia - backed units left . | true",
        // No repeat, or one too close, or not in name case: the CRF reads no tag.
        "Volodymyr Zelensky said the Kremlin wanted more . | false",
        "Russia and Russia . | false",
        "NATO said that NATO would meet . | false",
        "the army said that the army would stay . | false",
    })
    void theCrfReadsTagsOnlyAroundARepeatedName(String sentence, boolean mayRead) {
        assertThat(SentenceAnnotator.nerMayReadTags(tokens(sentence))).isEqualTo(mayRead);
    }

    private static List<CoreLabel> tokens(String sentence) {
        return Arrays.stream(sentence.split(" ")).map(w -> {
            CoreLabel token = new CoreLabel();
            token.setWord(w);
            return token;
        }).toList();
    }
}
