package org.frontline.nlp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.Annotator;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import edu.stanford.nlp.util.TypesafeMap;

/**
 * Annotates each distinct sentence once per JVM. News dumps repeat sentences (re-grabbed stories, syndicated
 * wire copy): the per-sentence annotators (part of speech, lemmas, NER with its numeric classifiers) give a
 * sentence the same tags wherever it occurs, so their output is kept, per sentence text, in a bounded cache and
 * copied onto a repeat's tokens; the entity mentions are then rebuilt for the repeat. Tokenizing and sentence
 * splitting (cheap) run on every text. The result equals annotating the text whole (a test checks it).
 * Thread-safe: the cache is shared by the task threads.
 */
final class SentenceMemo {
    /** Keys that place a token in its text: never copied from another occurrence. */
    private static final Set<Class<?>> POSITIONAL = Set.of(CoreAnnotations.CharacterOffsetBeginAnnotation.class,
            CoreAnnotations.CharacterOffsetEndAnnotation.class, CoreAnnotations.BeforeAnnotation.class,
            CoreAnnotations.AfterAnnotation.class, CoreAnnotations.TokenBeginAnnotation.class,
            CoreAnnotations.TokenEndAnnotation.class, CoreAnnotations.IndexAnnotation.class,
            CoreAnnotations.SentenceIndexAnnotation.class, CoreAnnotations.IsNewlineAnnotation.class);

    /** The tags the sentence annotators gave one sentence's tokens, key by key. */
    private record Tags(List<Class<?>> keys, Object[][] values) {
    }

    private final StanfordCoreNLP tokenizer;
    private final StanfordCoreNLP sentenceAnnotators;
    private final Annotator entityMentions;
    private final int capacity;
    private final Map<String, Tags> cache = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    SentenceMemo(StanfordCoreNLP tokenizer, StanfordCoreNLP sentenceAnnotators, Annotator entityMentions, int capacity) {
        this.tokenizer = tokenizer;
        this.sentenceAnnotators = sentenceAnnotators;
        this.entityMentions = entityMentions;
        this.capacity = capacity;
    }

    /** The text, annotated as the whole pipeline would annotate it. */
    Annotation annotate(String text) {
        Annotation doc = new Annotation(text);
        tokenizer.annotate(doc);
        for (CoreMap sentence : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
            List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
            if (tokens.isEmpty()) {
                continue;
            }
            String key = text.substring(tokens.get(0).beginPosition(), tokens.get(tokens.size() - 1).endPosition());
            Annotation one = new Annotation(text);
            one.set(CoreAnnotations.TokensAnnotation.class, tokens);
            one.set(CoreAnnotations.SentencesAnnotation.class, List.of(sentence));
            Tags tags = cache.get(key);
            if (tags != null && tags.values().length == tokens.size()) {
                hits.incrementAndGet();
                apply(tags, tokens);
                entityMentions.annotate(one);
            } else {
                misses.incrementAndGet();
                Set<Class<?>> before = new HashSet<>(tokens.get(0).keySet());
                sentenceAnnotators.annotate(one);
                if (cache.size() >= capacity) {
                    cache.clear(); // bounded: memory stays flat however large the dump
                }
                cache.put(key, record(tokens, before));
            }
        }
        return doc;
    }

    /** Forgets every sentence (the counts stay). */
    void clear() {
        cache.clear();
    }

    /** Sentences annotated from the cache, and anew. */
    long hits() {
        return hits.get();
    }

    long misses() {
        return misses.get();
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Tags record(List<CoreLabel> tokens, Set<Class<?>> before) {
        Set<Class<?>> added = new HashSet<>();
        for (CoreLabel t : tokens) {
            for (Class<?> k : t.keySet()) {
                if (!before.contains(k) && !POSITIONAL.contains(k)) {
                    added.add(k);
                }
            }
        }
        List<Class<?>> keys = new ArrayList<>(added);
        Object[][] values = new Object[tokens.size()][keys.size()];
        for (int i = 0; i < tokens.size(); i++) {
            for (int k = 0; k < keys.size(); k++) {
                values[i][k] = tokens.get(i).get((Class) keys.get(k));
            }
        }
        return new Tags(keys, values);
    }

    private static <V> void set(CoreLabel token, Class<? extends TypesafeMap.Key<V>> key, V value) {
        token.set(key, value);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void apply(Tags tags, List<CoreLabel> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            CoreLabel t = tokens.get(i);
            for (int k = 0; k < tags.keys().size(); k++) {
                Object v = tags.values()[i][k];
                if (v != null) {
                    set(t, (Class) tags.keys().get(k), v);
                }
            }
        }
    }
}
