package org.frontline.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import org.frontline.extract.figures.FigureExtractor;
import org.frontline.ingest.Article;
import org.junit.jupiter.api.Test;

/**
 * On-demand tagging changes nothing but the time: every mention and figure comes out as when every sentence is
 * tagged before NER, and some sentences are never tagged at all.
 */
class TagOnDemandIT {
    private static final Path HOME = SampleArticles.HOME;

    /** Sentences written for this test: each exercises one reader of tags. */
    private static final String[] TEXTS = {
        // The figure rules read tags, lemmas and the numeric classifiers' labels: tagged up front.
        "Russia has taken 420 sq km (162 sq miles) of territory since June 14, the ministry said.",
        // NER's occurrence patterns read whether the words next to a name repeated in its sentence are NNP.
        "Volodymyr Zelensky said on Tuesday that the Kremlin wanted more. The Kremlin said nothing.",
        "Officials in New Delhi said New Delhi would not take sides, and Delhi officials agreed.",
        "Russia-backed officials said Russia-backed units had left Kherson.",
        // The numeric classifiers may relabel a MISC token.
        "Veterans of World War II gathered in Kursk. The Second World War ended in 1945.",
        // Hyphenated places, single-word names, surnames alone, a force phrase, pronouns.
        "The US-Mexico border stayed calm. Pvt. Travis King crossed it; King's lawyer said he was well.",
        "Best said the Russian military officials met. They said it was over. Reuters could not verify it.",
        "Mariupol residents left for Zaporizhzhia, officials in the Lipetsk region said.",
    };

    @Test
    void mentionsAndFiguresAreTheSameWithTagsOnDemand() throws IOException {
        NlpProfile profile = NlpProfile.load(HOME.resolve("conf"), "default").withSentenceCache(0);
        assertThat(profile.tagOnDemand()).as("the default profile tags on demand").isTrue();
        ReferenceFiles reference = ReferenceFiles.read(HOME.resolve("conf"), profile);
        ArticleAnnotator everySentence = ArticleAnnotator.forProfile(profile.withTagOnDemand(false), reference);
        ArticleAnnotator onDemand = ArticleAnnotator.forProfile(profile, reference);

        List<Article> articles = new ArrayList<>(SampleArticles.read());
        for (int i = 0; i < TEXTS.length; i++) {
            articles.add(new Article("written-" + i, LocalDate.of(2024, 8, 7), null, null, "Forces Advance Near Pokrovsk",
                    TEXTS[i], "h" + i, "test", "r" + i));
        }
        for (Article a : articles) {
            AnnotatedArticle expected = everySentence.annotate(a);
            AnnotatedArticle actual = onDemand.annotate(a);
            assertThat(actual.tokenCount()).isEqualTo(expected.tokenCount());
            assertThat(actual.regions()).as(a.articleId()).isEqualTo(expected.regions());
            assertThat(actual.actors()).as(a.articleId()).isEqualTo(expected.actors());
            assertThat(actual.figures()).as(a.articleId()).isEqualTo(expected.figures());
        }
        long[] counts = onDemand.tagCounts();
        assertThat(counts[0]).as("sentences tagged before NER").isPositive();
        assertThat(counts[2]).as("sentences never tagged").isPositive();
        assertThat(everySentence.tagCounts()[2]).as("without on-demand tagging every sentence is tagged").isZero();
    }

    /**
     * A name repeated in its sentence makes NER's CRF ask whether the capitalised words next to it are NNP. Where the
     * tagger's lexicon knows ("Joe", "Biden": NNP only) the sentence is recognised untagged, with the labels tagging
     * gives; where it does not ("President": NN or NNP) the sentence is tagged first.
     */
    @Test
    void aRepeatedNameIsRecognisedUntaggedWhereTheLexiconAnswersTheCrf() {
        NlpProfile profile = NlpProfile.load(HOME.resolve("conf"), "default").withSentenceCache(0);
        SentenceAnnotator sentences = ArticleAnnotator.sentenceAnnotator(profile, new FigureExtractor(profile.rules()));
        String text = "Joe Biden met Zelensky in Kyiv, and Joe Biden left for Washington."
                + " President Biden met the governors, and President Biden left.";
        Annotation whole = new Annotation(text);
        Pipelines.get(profile.corenlp()).annotate(whole);
        List<CoreLabel> expected = whole.get(CoreAnnotations.TokensAnnotation.class);
        List<CoreLabel> actual = sentences.annotate(text).get(CoreAnnotations.TokensAnnotation.class);
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).ner()).as(expected.get(i).word()).isEqualTo(expected.get(i).ner());
        }
        assertThat(expected.get(1).ner()).as("Biden").isEqualTo("PERSON");
        assertThat(sentences.tagCounts()[0]).as("sentences tagged before NER: the one with 'President'").isEqualTo(1);
    }

    /**
     * An untagged sentence without a digit is recognised without NER's numeric classifiers: untagged, they would
     * label nothing there (their rules read part-of-speech tags), so the labels are those of NER with them on the
     * same untagged words. A sentence with a digit still goes through them ("2002-2004" becomes a DATE untagged).
     */
    @Test
    void anUntaggedSentenceWithoutDigitsNeedsNoNumericClassifiers() {
        NlpProfile profile = NlpProfile.load(HOME.resolve("conf"), "default").withSentenceCache(0);
        SentenceAnnotator sentences = ArticleAnnotator.sentenceAnnotator(profile, new FigureExtractor(profile.rules()));
        String text = "The first convoy left Kharkiv in the morning, and officials said millions of dollars were lost."
                + " Half of the second battalion stayed in Izium until May, a spokesman told Reuters."
                + " On Monday the ministry said a dozen officers had gone home for lunchtime."
                + " The talks of 2002-2004 in Minsk ended without a deal.";
        var untagged = new java.util.Properties();
        untagged.putAll(profile.corenlp());
        untagged.setProperty("annotators", "tokenize,ssplit,ner");
        untagged.setProperty("enforceRequirements", "false");
        Annotation reference = new Annotation(text);
        Pipelines.get(untagged).annotate(reference);
        List<CoreLabel> expected = reference.get(CoreAnnotations.TokensAnnotation.class);
        List<CoreLabel> actual = sentences.annotate(text).get(CoreAnnotations.TokensAnnotation.class);
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            String word = expected.get(i).word();
            assertThat(actual.get(i).ner()).as(word).isEqualTo(expected.get(i).ner());
            assertThat(actual.get(i).get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class)).as(word)
                    .isEqualTo(expected.get(i).get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class));
        }
        assertThat(actual).filteredOn(t -> t.word().equals("Kharkiv")).extracting(CoreLabel::ner).containsOnly("LOCATION");
        assertThat(actual).filteredOn(t -> t.word().contains("2002")).extracting(CoreLabel::ner).containsOnly("DATE");
        assertThat(sentences.tagCounts()[3]).as("recognised without the numeric classifiers: the first three").isEqualTo(3);
    }

    @Test
    void theTaggersLexiconIsReadable() {
        NlpProfile profile = NlpProfile.load(HOME.resolve("conf"), "default");
        var tagging = new java.util.Properties();
        tagging.putAll(profile.corenlp());
        tagging.setProperty("annotators", "pos");
        tagging.setProperty("enforceRequirements", "false");
        TaggerLexicon lexicon = TaggerLexicon.of(Pipelines.get(tagging));
        assertThat(lexicon).as("the lexicon of CoreNLP 4.5.10's tagger reads by reflection").isNotNull();
        assertThat(lexicon.apply("the")).contains("DT");
        String[] unknown = lexicon.apply("Zyxqwvbrtsk");
        assertThat(unknown).as("a word never seen may take any open-class tag").contains("NNP", "NN", "JJ");
        assertThat(lexicon.apply("the").length).isLessThan(unknown.length);
    }
}
