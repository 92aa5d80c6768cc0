package org.frontline.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

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
}
