package org.frontline.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * When NER's CRF may read a tag: only for a capitalised word repeated in its sentence at least 3 tokens apart
 * (its occurrence patterns), and then only whether a capitalised word next to it is NNP; where the tagger's lexicon
 * cannot tell, the sentence is tagged before NER. The sentences are split into tokens by the
 * default profile's own CoreNLP tokenizer (no models), as the job splits them; {@code TagOnDemandIT} checks, with
 * the whole pipeline, that the output is the same.
 */
class SentenceAnnotatorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // A name repeated 3 or more tokens apart: the CRF reads whether the words next to it are NNP.
        "Officials in New Delhi said New Delhi would not take sides. | true",
        "Zelensky met the generals, and Zelensky left. | true",
        // CoreNLP splits "Russia-backed" at the hyphen and NER merges it again: the first part's repeat counts.
        "Russia-backed officials said Russia-backed units left. | true",
        // No repeat, or one too close, or not in name case: the CRF reads no tag.
        "Volodymyr Zelensky said the Kremlin wanted more. | false",
        "Russia and Russia. | false",
        "NATO said that NATO would meet. | false",
        "the army said that the army would stay. | false",
    })
    void theCrfReadsTagsOnlyAroundARepeatedName(String sentence, boolean mayRead) {
        assertThat(SentenceAnnotator.nerMayReadTags(tokens(sentence), null)).as("no lexicon").isEqualTo(mayRead);
    }

    @ParameterizedTest(name = "{0} (New: {1})")
    @CsvSource(delimiter = '|', value = {
        // No capitalised word next to the repeated name: the CRF asks nothing.
        "Zelensky met the generals, and Zelensky left. | NNP JJ | false",
        // Next to it only words the tagger tags one way: NNP alone ("Delhi"; "New" in this lexicon) or never NNP
        // ("Police" in this lexicon).
        "Officials in New Delhi said New Delhi would not take sides. | NNP | false",
        "Officials said Delhi Police held two men, and Delhi Police said nothing. | NNP | false",
        // A neighbour that may be NNP or not ("New" as an adjective, "President" as a noun): the tagger answers.
        "Officials in New Delhi said New Delhi would not take sides. | NNP JJ | true",
        "President Biden met the governors, and President Biden left. | NNP | true",
        // Near a hyphen NER's neighbours are not these tokens: the tagger answers.
        "Russia-backed officials said Russia-backed units left. | NNP | true",
    })
    void theLexiconAnswersWhereItKnowsTheWordsAroundTheName(String sentence, String tagsOfNew, boolean mayRead) {
        // A lexicon written for the test: the tags the tagger may give a word; any other word may take any tag.
        Map<String, String[]> lexicon = Map.of("New", tagsOfNew.split(" "), "Delhi", new String[] {"NNP"},
                "Biden", new String[] {"NNP"}, "President", new String[] {"NN", "NNP"},
                "Police", new String[] {"NN", "NNS"});
        String[] anyTag = {"NN", "NNP", "JJ", "VB"};
        assertThat(SentenceAnnotator.nerMayReadTags(tokens(sentence), w -> lexicon.getOrDefault(w, anyTag)))
                .isEqualTo(mayRead);
    }

    private static List<CoreLabel> tokens(String sentence) {
        Properties tokenizing = new Properties();
        tokenizing.putAll(NlpProfile.load(SampleArticles.HOME.resolve("conf"), "default").corenlp());
        tokenizing.setProperty("annotators", "tokenize,ssplit");
        Annotation doc = new Annotation(sentence);
        Pipelines.get(tokenizing).annotate(doc);
        return doc.get(CoreAnnotations.TokensAnnotation.class);
    }
}
