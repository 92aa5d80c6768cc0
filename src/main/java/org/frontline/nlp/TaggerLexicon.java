package org.frontline.nlp;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import edu.stanford.nlp.pipeline.AnnotationPipeline;
import edu.stanford.nlp.pipeline.Annotator;
import edu.stanford.nlp.pipeline.POSTaggerAnnotator;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.tagger.maxent.MaxentTagger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tags CoreNLP's tagger may give a word, as its own decoder computes them (TestSentence.stringTagsAt): the
 * tags its lexicon lists for a word seen at least {@code minWordsLockTags} times in training, else its open-class
 * tags, each set expanded as the tagger expands it. The tagger picks one of these whatever the sentence, so where
 * all of them answer a question alike ("is this a proper noun?") the sentence need not be tagged to know.
 *
 * <p>The lexicon is not CoreNLP's public API: it is read by reflection from the tagger the pipeline loaded. If that
 * fails (another CoreNLP version), the lexicon answers nothing and every such question tags the sentence: slower,
 * never different.
 */
final class TaggerLexicon implements Function<String, String[]> {
    private static final Logger LOG = LoggerFactory.getLogger(TaggerLexicon.class);

    private final Object dictionary;
    private final Method tagsOfWord;
    private final Method timesSeen;
    private final Object tagSet;
    private final Method expand;
    private final Function<String, String> wordFunction;
    private final int minWordsLockTags;
    private final String[] openTags;
    private final Map<String, String[]> byWord = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    private TaggerLexicon(MaxentTagger tagger) throws ReflectiveOperationException {
        this.dictionary = field(MaxentTagger.class, "dict").get(tagger);
        this.tagsOfWord = method(dictionary.getClass(), "getTags", String.class);
        this.timesSeen = method(dictionary.getClass(), "sum", String.class);
        this.tagSet = field(MaxentTagger.class, "tags").get(tagger);
        this.expand = method(tagSet.getClass(), "deterministicallyExpandTags", String[].class);
        this.openTags = (String[]) method(tagSet.getClass(), "getOpenTagsArray").invoke(tagSet);
        this.wordFunction = (Function<String, String>) field(MaxentTagger.class, "wordFunction").get(tagger);
        Object config = field(MaxentTagger.class, "config").get(tagger);
        this.minWordsLockTags = config == null ? 1 : (Integer) method(config.getClass(), "getMinWordsLockTags").invoke(config);
    }

    /**
     * The lexicon of the tagger of the pipeline {@code tagging} (which must include pos), or null when it cannot be
     * read.
     */
    static TaggerLexicon of(StanfordCoreNLP tagging) {
        try {
            Annotator pos = null;
            for (Object a : (java.util.List<?>) field(AnnotationPipeline.class, "annotators").get(tagging)) {
                if (a instanceof POSTaggerAnnotator) {
                    pos = (Annotator) a;
                }
            }
            if (pos == null) {
                LOG.warn("No part-of-speech annotator to read the lexicon of: on-demand tagging tags every sentence an extractor reads");
                return null;
            }
            return new TaggerLexicon((MaxentTagger) field(POSTaggerAnnotator.class, "pos").get(pos));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Cannot read the part-of-speech tagger's lexicon ({}): on-demand tagging tags every sentence an"
                    + " extractor reads", e.toString());
            return null;
        }
    }

    /**
     * The tags the tagger may give {@code word}, in any sentence. Only the lexicon's own words are remembered (the
     * tagger's vocabulary bounds the memory); any other word gets the open-class tags, shared.
     */
    @Override
    public String[] apply(String word) {
        String[] tags = byWord.get(word);
        if (tags == null) {
            tags = compute(word);
            if (tags != openTags) {
                byWord.put(word, tags);
            }
        }
        return tags;
    }

    private String[] compute(String word) {
        try {
            String w = wordFunction == null ? word : wordFunction.apply(word);
            int seen = (Integer) timesSeen.invoke(dictionary, w);
            if (seen == 0 || seen < minWordsLockTags) {
                return openTags;
            }
            return (String[]) expand.invoke(tagSet, (Object) tagsOfWord.invoke(dictionary, w));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the tagger's lexicon", e);
        }
    }

    private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
        Field f = owner.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    private static Method method(Class<?> owner, String name, Class<?>... parameters) throws NoSuchMethodException {
        Method m = owner.getDeclaredMethod(name, parameters);
        m.setAccessible(true);
        return m;
    }
}
