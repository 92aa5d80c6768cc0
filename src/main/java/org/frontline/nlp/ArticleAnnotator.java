package org.frontline.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import org.frontline.extract.AnnotatedDocument;
import org.frontline.extract.AnnotatedField;
import org.frontline.extract.Extractor;
import org.frontline.extract.Field;
import org.frontline.extract.Findings;
import org.frontline.extract.actors.ActorDirectory;
import org.frontline.extract.actors.ActorExtractor;
import org.frontline.extract.actors.ActorNamePlaces;
import org.frontline.extract.figures.AttributionLexicon;
import org.frontline.extract.figures.FigureAttribution;
import org.frontline.extract.figures.FigureCascade;
import org.frontline.extract.figures.FigureExtractor;
import org.frontline.extract.regions.RegionExtractor;
import org.frontline.gazetteer.Gazetteer;
import org.frontline.ingest.Article;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an article into mentions and figures: runs the profile's CoreNLP pipeline on the title and on the text
 * (each separately, so offsets point into one field), then runs the extractors on the annotated fields, in order.
 * Thread-safe: one instance per profile, gazetteer and JVM, shared by the task threads.
 */
public final class ArticleAnnotator {
    private static final Logger LOG = LoggerFactory.getLogger(ArticleAnnotator.class);
    private static final Map<String, ArticleAnnotator> CACHE = new ConcurrentHashMap<>();

    /** The whole pipeline; null when the text is annotated a sentence at a time. */
    private final StanfordCoreNLP pipeline;
    /** Null when the profile has neither a sentence cache nor on-demand tagging. */
    private final SentenceAnnotator bySentence;
    /** What extraction runs on each article, in order: each step reads what the steps before it found. */
    private final List<Extractor> extractors;
    private final Properties cascadeProperties;
    private final Gazetteer gazetteer;
    private final ActorDirectory directory;
    private final AttributionLexicon lexicon;
    /** Built on the first sentence holding a figure: SUTime and the parser cost seconds to load. */
    private volatile FigureAttribution attribution;

    private ArticleAnnotator(NlpProfile profile, ReferenceFiles reference) {
        long start = System.nanoTime();
        Gazetteer gazetteer = reference.gazetteer();
        ActorDirectory directory = reference.actors();
        FigureExtractor figureRules = new FigureExtractor(profile.rules());
        this.extractors = List.of(
                new RegionExtractor(gazetteer, name -> directory.byName(name).isPresent(), reference.placeGuards()),
                new ActorExtractor(directory, gazetteer, reference.actorWords()),
                new ActorNamePlaces(),
                new FigureCascade(figureRules, this::attribution));
        this.cascadeProperties = profile.corenlp();
        this.gazetteer = gazetteer;
        this.directory = directory;
        this.lexicon = reference.attribution();
        LOG.info("Gazetteer ({} places), actor aliases and rules loaded in {} s", gazetteer.size(),
                String.format("%.2f", (System.nanoTime() - start) / 1e9));
        // One or the other: with a sentence cache or on-demand tagging, the profile's annotators run per sentence.
        this.bySentence = profile.sentenceCache() > 0 || profile.tagOnDemand()
                ? sentenceAnnotator(profile, figureRules) : null;
        this.pipeline = bySentence == null ? Pipelines.get(profile.corenlp()) : null;
    }

    /**
     * The pipelines of annotating a sentence at a time: tokenize + ssplit on the whole text; then, with on-demand
     * tagging, pos and lemma as separate pipelines (run where the figure rules or NER need them, or on demand) and
     * the rest of the profile's annotators (NER) everywhere, without NER's numeric classifiers where they find
     * nothing; without it, all of the rest on every sentence (annotators that work per sentence give the same result).
     */
    static SentenceAnnotator sentenceAnnotator(NlpProfile profile, FigureExtractor figureRules) {
        List<String> annotators = new ArrayList<>();
        for (String a : profile.corenlp().getProperty("annotators").split(",")) {
            annotators.add(a.strip());
        }
        boolean onDemand = profile.tagOnDemand() && annotators.contains("pos");
        List<String> rest = new ArrayList<>();
        for (String name : annotators) {
            if (!name.equals("tokenize") && !name.equals("ssplit") && !(onDemand && (name.equals("pos") || name.equals("lemma")))) {
                rest.add(name);
            }
        }
        Properties recognizing = withAnnotators(profile, String.join(",", rest));
        // Only the rule-based numeric classifiers label by tags alone; with SUTime they label untagged words too.
        boolean numbersReadTagsOnly =
                Boolean.parseBoolean(recognizing.getProperty("ner.applyNumericClassifiers", "true"))
                && !Boolean.parseBoolean(recognizing.getProperty("ner.useSUTime", "true"));
        Properties withoutNumbers = new Properties();
        withoutNumbers.putAll(recognizing);
        withoutNumbers.setProperty("ner.applyNumericClassifiers", "false");
        Properties mentions = new Properties();
        mentions.putAll(profile.corenlp());
        mentions.setProperty("ner.entitymentions.language", "english");
        return new SentenceAnnotator(Pipelines.get(withAnnotators(profile, "tokenize,ssplit")),
                onDemand ? Pipelines.get(withAnnotators(profile, "pos")) : null,
                onDemand && annotators.contains("lemma") ? Pipelines.get(withAnnotators(profile, "lemma")) : null,
                Pipelines.get(recognizing),
                onDemand && numbersReadTagsOnly ? Pipelines.get(withoutNumbers) : null,
                new edu.stanford.nlp.pipeline.EntityMentionsAnnotator("ner.entitymentions", mentions),
                figureRules::mayHoldFigure, profile.sentenceCache());
    }

    private static Properties withAnnotators(NlpProfile profile, String annotators) {
        Properties p = new Properties();
        p.putAll(profile.corenlp());
        p.setProperty("annotators", annotators);
        if (!annotators.startsWith("tokenize")) {
            p.setProperty("enforceRequirements", "false");
        }
        return p;
    }

    /** Sentences this JVM's annotator took from the cache, and annotated anew (0, 0 without a cache). */
    public long[] sentenceCacheCounts() {
        return bySentence == null ? new long[] {0, 0} : new long[] {bySentence.hits(), bySentence.misses()};
    }

    /**
     * Sentences this JVM's annotator tagged before NER, tagged when an extractor read a tag, and never tagged; all
     * sentences count as tagged up front without on-demand tagging. Fourth, those recognised without NER's numeric
     * classifiers (where they find nothing).
     */
    public long[] tagCounts() {
        return bySentence == null ? new long[] {0, 0, 0, 0} : bySentence.tagCounts();
    }

    /**
     * The annotator of {@code profile} with the reference data of {@code reference} in this JVM, built on first
     * use: the pipeline is loaded and the gazetteer parsed once per JVM.
     */
    public static ArticleAnnotator forProfile(NlpProfile profile, ReferenceFiles reference) {
        return CACHE.computeIfAbsent(profile.fingerprint() + "/" + reference.version(),
                k -> new ArticleAnnotator(profile, reference));
    }

    /** Empties the sentence caches of this JVM's annotators: for measurements that must each start cold. */
    public static void clearSentenceCaches() {
        CACHE.values().stream().filter(a -> a.bySentence != null).forEach(a -> a.bySentence.clear());
    }

    private FigureAttribution attribution() {
        FigureAttribution a = attribution;
        if (a == null) {
            Pipelines.Cascade c = Pipelines.cascade(cascadeProperties);
            a = new FigureAttribution(c.time(), c.parser(), gazetteer, directory, lexicon);
            attribution = a;
        }
        return a;
    }

    /** Annotates the title and the text of {@code article}. */
    public AnnotatedArticle annotate(Article article) {
        List<AnnotatedField> fields = new ArrayList<>(2);
        int tokens = 0;
        int sentences = 0;
        for (Field field : Field.values()) {
            String text = field == Field.TITLE ? article.title() : article.text();
            if (text.isEmpty()) {
                continue;
            }
            Annotation doc;
            if (bySentence != null) {
                doc = bySentence.annotate(text);
            } else {
                doc = new Annotation(text);
                pipeline.annotate(doc);
            }
            List<CoreMap> sentenceList = doc.get(CoreAnnotations.SentencesAnnotation.class);
            List<CoreLabel> tokenList = doc.get(CoreAnnotations.TokensAnnotation.class);
            tokens += tokenList.size();
            sentences += sentenceList.size();
            fields.add(new AnnotatedField(field, text, sentenceList));
        }
        AnnotatedDocument document = new AnnotatedDocument(article, fields);
        Findings findings = new Findings();
        for (Extractor extractor : extractors) {
            extractor.extract(document, findings);
        }
        return new AnnotatedArticle(article, tokens, sentences, List.copyOf(findings.regions()),
                List.copyOf(findings.actors()), List.copyOf(findings.figures()), findings.cascadeSentences(),
                findings.sutimeSentences());
    }
}
