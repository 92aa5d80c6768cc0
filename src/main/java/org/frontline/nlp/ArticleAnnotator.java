package org.frontline.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import org.frontline.extract.ActorExtractor;
import org.frontline.extract.ActorMention;
import org.frontline.extract.Field;
import org.frontline.extract.FigureExtractor;
import org.frontline.extract.RegionExtractor;
import org.frontline.extract.RegionMention;
import org.frontline.extract.TerritorialFigure;
import org.frontline.ingest.Article;

/**
 * Turns an article into mentions and figures: runs the profile's CoreNLP pipeline on the title and on the text
 * (each separately, so offsets point into one field) and hands each sentence to the extractors.
 * Thread-safe: one instance per profile and JVM, shared by the task threads.
 */
public final class ArticleAnnotator {
    private static final Map<String, ArticleAnnotator> BY_PROFILE = new ConcurrentHashMap<>();

    private final StanfordCoreNLP pipeline;
    private final RegionExtractor regions = new RegionExtractor();
    private final ActorExtractor actors = new ActorExtractor();
    private final FigureExtractor figures;

    private ArticleAnnotator(NlpProfile profile) {
        this.pipeline = Pipelines.get(profile.corenlp());
        this.figures = new FigureExtractor(profile.rules());
    }

    /** The annotator of {@code profile} in this JVM, built on first use. */
    public static ArticleAnnotator forProfile(NlpProfile profile) {
        return BY_PROFILE.computeIfAbsent(profile.fingerprint(), k -> new ArticleAnnotator(profile));
    }

    /** Annotates the title and the text of {@code article}. */
    public AnnotatedArticle annotate(Article article) {
        List<RegionMention> regionMentions = new ArrayList<>();
        List<ActorMention> actorMentions = new ArrayList<>();
        List<TerritorialFigure> figureList = new ArrayList<>();
        int tokens = 0;
        int sentences = 0;
        for (Field field : Field.values()) {
            String text = field == Field.TITLE ? article.title() : article.text();
            if (text.isEmpty()) {
                continue;
            }
            Annotation doc = new Annotation(text);
            pipeline.annotate(doc);
            List<CoreMap> sentenceList = doc.get(CoreAnnotations.SentencesAnnotation.class);
            for (int i = 0; i < sentenceList.size(); i++) {
                CoreMap sentence = sentenceList.get(i);
                tokens += sentence.get(CoreAnnotations.TokensAnnotation.class).size();
                regionMentions.addAll(regions.extract(sentence, field, i));
                actorMentions.addAll(actors.extract(sentence, field, i));
                figureList.addAll(figures.extract(sentence, field, i, text));
            }
            sentences += sentenceList.size();
        }
        return new AnnotatedArticle(article, tokens, sentences, regionMentions, actorMentions, figureList);
    }
}
