package org.frontline.nlp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import edu.stanford.nlp.ie.regexp.NumberSequenceClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.Annotator;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import edu.stanford.nlp.util.TypesafeMap;
import org.frontline.extract.Tags;

/**
 * Annotates a text as the profile's whole pipeline would, a sentence at a time: tokenizing and sentence splitting
 * run on the whole text, the per-sentence annotators (part of speech, lemmas, NER with its numeric classifiers and
 * entity mentions) on each sentence. Three savings come of it, and none changes a table (tests check):
 * <ul>
 *   <li><b>Tags on demand.</b> NER reads few tags: its CRF only whether words next to a capitalised name that
 *       occurs twice in the sentence are NNP (the "occurrence pattern" features), its numeric classifiers more,
 *       but their labels (NUMBER, DATE…) matter to the figure rules alone. So a sentence is tagged before NER only
 *       where a figure may be ({@code tagUpFront}: a unit, a settlement noun, a percent sign; with lemmas) or where
 *       the CRF may read a tag the tagger's lexicon ({@link TaggerLexicon}) cannot answer
 *       ({@link #nerMayReadTags}); elsewhere the NNPs the lexicon makes certain are set, NER runs, and a hook
 *       ({@link Tags}) tags the sentence on an extractor's first read of a tag or lemma the lexicon cannot answer. A
 *       sentence where the numeric classifiers could overwrite a MISC label ("World War II"), which the place
 *       rules read, is tagged and recognised again, as the whole pipeline does.</li>
 *   <li><b>NER without its numeric classifiers</b> on an untagged sentence without a digit: there they label
 *       nothing ({@link #numericClassifiersFindNothing}), but their normalisation still costs time on every token.</li>
 *   <li><b>The sentence cache.</b> News dumps repeat sentences (re-grabbed stories, syndicated wire copy): the
 *       per-sentence annotators give a sentence the same labels wherever it occurs, so they are kept, per sentence
 *       text, in a bounded cache and copied onto a repeat's tokens; the entity mentions are then rebuilt.</li>
 * </ul>
 * Thread-safe: the pipelines and the cache are shared by the task threads.
 */
final class SentenceAnnotator {
    /** Keys that place a token in its text: never copied from another occurrence. */
    private static final Set<Class<?>> POSITIONAL = Set.of(CoreAnnotations.CharacterOffsetBeginAnnotation.class,
            CoreAnnotations.CharacterOffsetEndAnnotation.class, CoreAnnotations.BeforeAnnotation.class,
            CoreAnnotations.AfterAnnotation.class, CoreAnnotations.TokenBeginAnnotation.class,
            CoreAnnotations.TokenEndAnnotation.class, CoreAnnotations.IndexAnnotation.class,
            CoreAnnotations.SentenceIndexAnnotation.class, CoreAnnotations.IsNewlineAnnotation.class);

    /**
     * Words the numeric classifiers may label (with the tags they read): numerals, number and ordinal words, Roman
     * numerals, currencies, words of time. Only a MISC token of these can lose its label to them.
     */
    private static final Pattern NUMERIC_WORD = Pattern.compile("(?i).*\\d.*|zero|one|two|three|four|five|six|seven"
            + "|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty"
            + "|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|half|m|b|bn|mn"
            + "|mln|tn|multi\\w*|(?-i)[IVXLCDM]+");
    private static final Pattern MONTH = Pattern.compile("(?i)jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?"
            + "|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?");

    /** How far a sentence is tagged. */
    private enum Tagged { NOT, PART_OF_SPEECH, AND_LEMMAS }

    /** The labels the sentence annotators gave one sentence's tokens, key by key; and how far they tagged it. */
    private record Labels(List<Class<?>> keys, Object[][] values, Tagged tagged) {
        /**
         * These labels and what tagging (and lemmatising) the sentence on demand added: part-of-speech tags and
         * lemmas, the only keys the pos and lemma annotators set.
         */
        @SuppressWarnings({"rawtypes", "unchecked"})
        Labels taggedAs(List<CoreLabel> tokens, Tagged now) {
            List<Class<?>> more = new ArrayList<>(keys);
            for (Class<?> k : now == Tagged.AND_LEMMAS ? TAGGER_KEYS : TAGGER_KEYS.subList(0, 1)) {
                if (!more.contains(k)) {
                    more.add(k);
                }
            }
            Object[][] v = new Object[tokens.size()][more.size()];
            for (int i = 0; i < tokens.size(); i++) {
                System.arraycopy(values[i], 0, v[i], 0, keys.size());
                for (int k = 0; k < more.size(); k++) {
                    if (TAGGER_KEYS.contains(more.get(k))) {
                        v[i][k] = tokens.get(i).get((Class) more.get(k));
                    }
                }
            }
            return new Labels(more, v, now);
        }
    }

    /** What the pos and the lemma annotator set on a token, in that order. */
    private static final List<Class<?>> TAGGER_KEYS = List.of(CoreAnnotations.PartOfSpeechAnnotation.class,
            CoreAnnotations.LemmaAnnotation.class);

    private final StanfordCoreNLP tokenizer;
    private final StanfordCoreNLP posTagger;
    private final StanfordCoreNLP lemmatizer;
    /** The tagger's lexicon: answers some questions about tags without tagging; null if unreadable. */
    private final TaggerLexicon lexicon;
    private final StanfordCoreNLP recognizer;
    /** {@code recognizer} without the numeric classifiers, for the sentences where they find nothing; or null. */
    private final StanfordCoreNLP recognizerWithoutNumbers;
    private final Annotator entityMentions;
    private final Predicate<List<CoreLabel>> tagUpFront;
    private final int capacity;
    private final Map<String, Labels> cache = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong taggedUpFront = new AtomicLong();
    private final AtomicLong taggedOnDemand = new AtomicLong();
    private final AtomicLong leftUntagged = new AtomicLong();
    private final AtomicLong withoutNumbers = new AtomicLong();

    /**
     * @param tokenizer      tokenize and ssplit
     * @param posTagger      pos; null when {@code recognizer} runs the whole rest of the profile
     * @param lemmatizer     lemma; null when {@code posTagger} is, or the profile has no lemmas
     * @param recognizer     the profile's other annotators (NER with entity mentions)
     * @param recognizerWithoutNumbers the same without NER's numeric classifiers, for the untagged sentences without a
     *                       digit ({@link #numericClassifiersFindNothing}); null: {@code recognizer} everywhere
     * @param entityMentions rebuilds a cached sentence's entity mentions
     * @param tagUpFront     the sentences to tag (and lemmatise) before NER, besides those NER reads tags of
     * @param capacity       distinct sentences the cache holds; 0: no cache
     */
    SentenceAnnotator(StanfordCoreNLP tokenizer, StanfordCoreNLP posTagger, StanfordCoreNLP lemmatizer,
                      StanfordCoreNLP recognizer, StanfordCoreNLP recognizerWithoutNumbers, Annotator entityMentions,
                      Predicate<List<CoreLabel>> tagUpFront, int capacity) {
        this.tokenizer = tokenizer;
        this.posTagger = posTagger;
        this.lemmatizer = posTagger == null ? null : lemmatizer;
        this.lexicon = posTagger == null ? null : TaggerLexicon.of(posTagger);
        this.recognizer = recognizer;
        this.recognizerWithoutNumbers = posTagger == null ? null : recognizerWithoutNumbers;
        this.entityMentions = entityMentions;
        this.tagUpFront = tagUpFront;
        this.capacity = capacity;
    }

    /** The text, annotated as the whole pipeline would annotate it (tags of some sentences on demand). */
    Annotation annotate(String text) {
        Annotation doc = new Annotation(text);
        tokenizer.annotate(doc);
        for (CoreMap sentence : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
            List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
            if (tokens.isEmpty()) {
                continue;
            }
            Annotation one = new Annotation(text);
            one.set(CoreAnnotations.TokensAnnotation.class, tokens);
            one.set(CoreAnnotations.SentencesAnnotation.class, List.of(sentence));
            String key = capacity > 0
                    ? text.substring(tokens.get(0).beginPosition(), tokens.get(tokens.size() - 1).endPosition()) : null;
            Labels cached = key == null ? null : cache.get(key);
            Tagged tagged;
            boolean fresh = cached == null || cached.values().length != tokens.size();
            if (!fresh) {
                hits.incrementAndGet();
                apply(cached, tokens);
                entityMentions.annotate(one);
                tagged = cached.tagged();
            } else {
                Set<Class<?>> before = key == null ? null : new HashSet<>(tokens.get(0).keySet());
                tagged = annotateSentence(one, tokens);
                if (key != null) {
                    misses.incrementAndGet();
                    if (cache.size() >= capacity) {
                        cache.clear(); // bounded: memory stays flat however large the dump
                    }
                    cache.put(key, record(tokens, before, tagged));
                }
            }
            if (tagged == Tagged.NOT && fresh) {
                leftUntagged.incrementAndGet();
            }
            if (tagged != Tagged.AND_LEMMAS) {
                leaveForLater(one, tokens, tagged, fresh, key);
            }
        }
        return doc;
    }

    /** Runs the sentence annotators on one sentence; how far it is tagged now. */
    private Tagged annotateSentence(Annotation one, List<CoreLabel> tokens) {
        if (posTagger == null) {
            recognizer.annotate(one);
            return Tagged.AND_LEMMAS;
        }
        boolean figure = tagUpFront.test(tokens);
        boolean upFront = figure || nerMayReadTags(tokens, lexicon);
        if (upFront) {
            posTagger.annotate(one);
            if (figure && lemmatizer != null) {
                lemmatizer.annotate(one); // the figure rules read lemmas
            }
            taggedUpFront.incrementAndGet();
        } else {
            presetCertainTags(tokens);
        }
        if (!upFront && recognizerWithoutNumbers != null && numericClassifiersFindNothing(tokens)) {
            recognizerWithoutNumbers.annotate(one);
            withoutNumbers.incrementAndGet();
        } else {
            recognizer.annotate(one);
        }
        if (!upFront && numericMayRelabelMisc(tokens)) {
            // Recognised again with tags, as the whole pipeline does: its numeric classifiers may relabel the token.
            posTagger.annotate(one);
            recognizer.annotate(one);
            taggedUpFront.incrementAndGet();
            return Tagged.PART_OF_SPEECH;
        }
        return figure ? Tagged.AND_LEMMAS : upFront ? Tagged.PART_OF_SPEECH : Tagged.NOT;
    }

    /**
     * Tags and lemmas of the sentence on the first read ({@link Tags}): a sentence not tagged counts as left untagged
     * until then. What tagging adds goes into the sentence's cache entry ({@code key}; null: none), so that a
     * repeat of the sentence comes with it.
     */
    private void leaveForLater(Annotation one, List<CoreLabel> tokens, Tagged already, boolean counted, String key) {
        Tags.Pending pending = new Tags.Pending() {
            private boolean tagged = already != Tagged.NOT;
            private boolean lemmatised;

            @Override
            public synchronized void tag() {
                if (!tagged) {
                    tagged = true;
                    posTagger.annotate(one);
                    remember(key, tokens, Tagged.PART_OF_SPEECH);
                    if (counted) {
                        leftUntagged.decrementAndGet();
                        taggedOnDemand.incrementAndGet();
                    }
                }
                if (lemmatizer == null) {
                    done();
                }
            }

            @Override
            public synchronized void lemmatise() {
                tag();
                if (!lemmatised && lemmatizer != null) {
                    lemmatised = true;
                    lemmatizer.annotate(one);
                    remember(key, tokens, Tagged.AND_LEMMAS);
                    done();
                }
            }

            private void done() {
                for (CoreLabel t : tokens) {
                    t.remove(Tags.OnDemand.class);
                }
            }

            @Override
            public String[] possibleTags(String word) {
                return lexicon == null ? null : lexicon.apply(word);
            }
        };
        for (CoreLabel t : tokens) {
            t.set(Tags.OnDemand.class, pending);
        }
    }

    /**
     * Adds to the cache entry of a sentence (null: none) the tags, or the tags and lemmas, it just got on demand: the
     * tagger gives a sentence the same tags wherever it occurs, as it does the labels cached before. An entry
     * already as far tagged, of another length (see {@link #annotate}), or gone (the cache was cleared) stays.
     */
    private void remember(String key, List<CoreLabel> tokens, Tagged now) {
        if (key != null) {
            cache.computeIfPresent(key, (k, labels) -> labels.values().length != tokens.size()
                    || labels.tagged().compareTo(now) >= 0 ? labels : labels.taggedAs(tokens, now));
        }
    }

    /**
     * Tags NNP the tokens the tagger is certain to tag NNP (the only tag its lexicon allows the word): the answer
     * tagging would give, read by {@link Tags#tag} without tagging the sentence. No other tag is set before NER, so
     * that its numeric classifiers find nothing to read here. The sentence's other tags wait for {@link Tags}.
     */
    private void presetCertainTags(List<CoreLabel> tokens) {
        if (lexicon == null) {
            return;
        }
        for (CoreLabel t : tokens) {
            String[] possible = lexicon.apply(t.word());
            if (possible.length == 1 && possible[0].equals("NNP")) {
                t.setTag("NNP");
            }
        }
    }

    /**
     * Whether the NER model may read a tag of this sentence that the tagger's lexicon does not answer. Its only
     * features on tags, the "occurrence patterns" ({@code NERFeatureFactory.occurrencePatterns}), add something only
     * for a capitalised word that occurs again in the same sentence 3 to 149 tokens away; only then do they ask, of a
     * capitalised word next to one of its occurrences, whether it is NNP. Without such a repeat the CRF reads no tag
     * at all. With one, the lexicon often answers: a neighbour the tagger can tag only NNP is preset NNP
     * ({@link #presetCertainTags}), and one it can never tag NNP reads as no NNP untagged too.
     *
     * <p>The CRF sees NER's own tokens, where hyphen-split words are merged again ("Russia-backed"); a merged token
     * repeats only if the part of its first token before any hyphen repeats, at least as far apart. So this looks
     * for a repeated capitalised head in the split tokens, a superset of the CRF's question; near a hyphen, where
     * NER's neighbours are not the split tokens, the tagger answers: exact, without re-implementing NER's merging.
     *
     * @param lexicon the tags the tagger may give a word; null: none known, so any repeat needs the tagger
     */
    static boolean nerMayReadTags(List<CoreLabel> tokens, Function<String, String[]> lexicon) {
        Map<String, List<Integer>> occurrences = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            String head = head(tokens.get(i).word());
            if (capitalisedHead(head)) {
                occurrences.computeIfAbsent(head, h -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> at : occurrences.values()) {
            if (at.get(at.size() - 1) - at.get(0) < 3) {
                continue;
            }
            for (int occurrence : at) {
                if (lexicon == null || !lexiconAnswersAround(tokens, occurrence, lexicon)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the lexicon tells, of each capitalised word next to the token at {@code at}, if it is NNP; false near
     * a hyphen (NER merges the words around it).
     */
    private static boolean lexiconAnswersAround(List<CoreLabel> tokens, int at, Function<String, String[]> lexicon) {
        for (int i = Math.max(0, at - 2); i <= Math.min(tokens.size() - 1, at + 2); i++) {
            String word = tokens.get(i).word();
            if (word.indexOf('-') >= 0) {
                return false;
            }
            if (Math.abs(i - at) == 1 && startsWithCapital(word)) {
                List<String> possible = List.of(lexicon.apply(word));
                if (possible.contains("NNP") && possible.size() > 1) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A word up to its first hyphen (the whole word if it has none). */
    private static String head(String word) {
        int hyphen = word.indexOf('-');
        return hyphen < 0 ? word : word.substring(0, hyphen);
    }

    /** As the start of a word CoreNLP's NER features call name case: a capital, then no capital. */
    private static boolean capitalisedHead(String head) {
        return startsWithCapital(head) && head.chars().skip(1).noneMatch(Character::isUpperCase);
    }

    private static boolean startsWithCapital(String word) {
        return !word.isEmpty() && (Character.isUpperCase(word.charAt(0)) || Character.isTitleCase(word.charAt(0)));
    }

    /**
     * Whether NER's numeric classifiers, run on this sentence untagged (no tags but the preset NNPs), leave every label
     * as the CRF gave it: true when no token has a digit. Without SUTime (the lean profiles) the classifiers'
     * rules ({@code NumberSequenceClassifier}) label by part-of-speech tags only (a CD, NN, NNS, JJ, CC, IN or ","
     * tag, or a month tagged NNP next to a CD or a DATE), so they find nothing untagged; of what normalisation repairs
     * ({@code QuantifiableEntityNormalizer.fixupNerBeforeNormalization}) all but year ranges ("2002-2004", digits)
     * follow a label they gave. Yet that repair step runs an edit distance against ten number words on every
     * token: a few percent of the annotate stage, spared on most sentences. Tests check the labels are the same.
     */
    static boolean numericClassifiersFindNothing(List<CoreLabel> tokens) {
        for (CoreLabel t : tokens) {
            String w = t.word();
            for (int i = 0; i < w.length(); i++) {
                if (Character.isDigit(w.charAt(i))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A MISC token the numeric classifiers could relabel, or one before a month ("Second" in "Second World War"). */
    static boolean numericMayRelabelMisc(List<CoreLabel> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (!"MISC".equals(tokens.get(i).ner())) {
                continue;
            }
            String w = tokens.get(i).word();
            if (NUMERIC_WORD.matcher(w).matches() || NumberSequenceClassifier.ORDINAL_PATTERN.matcher(w).matches()
                    || NumberSequenceClassifier.CURRENCY_WORD_PATTERN.matcher(w).matches()
                    || NumberSequenceClassifier.CURRENCY_SYMBOL_PATTERN.matcher(w).matches()
                    || NumberSequenceClassifier.GENERIC_TIME_WORDS.matcher(w).matches() || MONTH.matcher(w).matches()
                    || i + 1 < tokens.size() && MONTH.matcher(tokens.get(i + 1).word()).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Forgets every sentence (the counts stay). */
    void clear() {
        cache.clear();
    }

    /** Sentences annotated from the cache, and anew (both 0 without a cache). */
    long hits() {
        return hits.get();
    }

    long misses() {
        return misses.get();
    }

    /**
     * Of the sentences annotated anew (not from the cache): tagged before NER, tagged on an extractor's demand, and
     * never tagged (so far); and recognised without the numeric classifiers.
     */
    long[] tagCounts() {
        return new long[] {taggedUpFront.get(), taggedOnDemand.get(), leftUntagged.get(), withoutNumbers.get()};
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Labels record(List<CoreLabel> tokens, Set<Class<?>> before, Tagged tagged) {
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
        return new Labels(keys, values, tagged);
    }

    private static <V> void set(CoreLabel token, Class<? extends TypesafeMap.Key<V>> key, V value) {
        token.set(key, value);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void apply(Labels labels, List<CoreLabel> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            CoreLabel t = tokens.get(i);
            for (int k = 0; k < labels.keys().size(); k++) {
                Object v = labels.values()[i][k];
                if (v != null) {
                    set(t, (Class) labels.keys().get(k), v);
                }
            }
        }
    }
}
