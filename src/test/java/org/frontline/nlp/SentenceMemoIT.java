package org.frontline.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import org.frontline.extract.Tags;
import org.frontline.extract.figures.FigureExtractor;
import org.frontline.ingest.Article;
import org.junit.jupiter.api.Test;

/** The sentence cache changes nothing but the time: every table row comes out as without it. */
class SentenceMemoIT {
    private static final Path HOME = SampleArticles.HOME;

    @Test
    void articlesAnnotateIdenticallyWithAndWithoutTheSentenceCache() throws IOException {
        NlpProfile profile = NlpProfile.load(HOME.resolve("conf"), "default");
        ReferenceFiles reference = ReferenceFiles.read(HOME.resolve("conf"), profile);
        ArticleAnnotator plain = ArticleAnnotator.forProfile(profile.withSentenceCache(0), reference);
        ArticleAnnotator cached = ArticleAnnotator.forProfile(profile.withSentenceCache(1000), reference);

        List<Article> articles = SampleArticles.read();
        // Twice over: the second pass is served from the cache, as re-grabbed stories are.
        long hitsBefore = cached.sentenceCacheCounts()[0];
        for (int pass = 0; pass < 2; pass++) {
            for (Article a : articles) {
                AnnotatedArticle expected = plain.annotate(a);
                AnnotatedArticle actual = cached.annotate(a);
                assertThat(actual.tokenCount()).isEqualTo(expected.tokenCount());
                assertThat(actual.sentenceCount()).isEqualTo(expected.sentenceCount());
                assertThat(actual.regions()).as(a.articleId()).isEqualTo(expected.regions());
                assertThat(actual.actors()).as(a.articleId()).isEqualTo(expected.actors());
                assertThat(actual.figures()).as(a.articleId()).isEqualTo(expected.figures());
            }
        }
        assertThat(cached.sentenceCacheCounts()[0] - hitsBefore).as("sentences served from the cache").isPositive();
    }

    @Test
    void aSentenceTaggedOnDemandComesTaggedWhereItRepeats() {
        NlpProfile profile = NlpProfile.load(HOME.resolve("conf"), "default").withSentenceCache(1000);
        SentenceAnnotator annotator = ArticleAnnotator.sentenceAnnotator(profile, new FigureExtractor(profile.rules()));
        // Written for this test: no figure and no repeated name, so it is not tagged before NER; "Crow" may be a
        // noun or a name, so the tagger's lexicon cannot answer for it.
        String text = "Crow said the deal was done on Monday.";

        List<CoreLabel> first = tokens(annotator.annotate(text));
        assertThat(first.get(0).tag()).as("left for later").isNull();
        assertThat(Tags.tag(first.get(0))).as("the tagger reads it as a noun here").isEqualTo("NN");
        assertThat(annotator.tagCounts()[1]).as("tagged on demand").isEqualTo(1);

        List<CoreLabel> repeat = tokens(annotator.annotate(text));
        assertThat(repeat).extracting(CoreLabel::tag).as("the tags come with the repeat, before anything reads one")
                .isEqualTo(first.stream().map(CoreLabel::tag).toList());
        assertThat(repeat.get(2).lemma()).as("no lemma was read yet").isNull();
        assertThat(Tags.lemma(repeat.get(5))).isEqualTo("do");

        List<CoreLabel> again = tokens(annotator.annotate(text));
        assertThat(again).extracting(CoreLabel::lemma).as("and the lemmas, once read")
                .isEqualTo(repeat.stream().map(CoreLabel::lemma).toList());
        assertThat(annotator.hits()).isEqualTo(2);
    }

    private static List<CoreLabel> tokens(Annotation doc) {
        return doc.get(CoreAnnotations.TokensAnnotation.class);
    }
}
