package org.frontline.extract.figures;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.tokensregex.CoreMapExpressionExtractor;
import edu.stanford.nlp.ling.tokensregex.Env;
import edu.stanford.nlp.ling.tokensregex.MatchedExpression;
import edu.stanford.nlp.ling.tokensregex.NodePattern;
import edu.stanford.nlp.ling.tokensregex.SequenceMatchRules;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import edu.stanford.nlp.ling.tokensregex.parser.TokenSequenceParser;
import edu.stanford.nlp.ling.tokensregex.types.Value;
import edu.stanford.nlp.util.CoreMap;
import org.frontline.extract.Field;
import org.frontline.extract.RuleSource;
import org.frontline.extract.TerritorialFigure.Kind;
import org.frontline.extract.TerritorialFigure.Qualifier;
import org.frontline.extract.TerritorialFigure.Quantity;
import org.frontline.extract.TerritorialFigure;

/**
 * Extracts territorial figures (areas, geographic distances, counts of settlements and shares of a
 * territory, FIGURES.md) from CoreNLP-annotated
 * sentences with the TokensRegex rules of {@code conf/rules} (listed, in load order, by the profile's
 * {@code frontline.rules}; their result contract is documented at the top of {@code defs.rules}).
 *
 * <p>Cheap on the many sentences without a figure: a sentence is looked at only if it holds a number
 * (a plain-Java test), a token matching the trigger of some rule stage (one TokensRegex node test per
 * token: each stage of {@code figures.rules} is a rule family with a trigger word, a unit, a
 * settlement noun or a percent sign), and a match of {@code $MEASURE}; then only the triggered stages
 * run, plus the stages without a trigger (the kind cues).
 *
 * <p>Thread-safe once built: one instance per executor JVM can serve every task thread. TokensRegex
 * keeps its per-match state in thread-local environment variables (as CoreNLP relies on when its
 * pipeline threads share one SUTime or TokensRegex annotator), our rules have no actions, and the
 * extractor is told to leave the sentences untouched ({@code keepTemporaryTags}), so extraction only
 * reads the shared rules and the caller's sentence. {@code FigureExtractorIT} checks two threads
 * against one. Building one is cheap too (parsing the rules, well under a second).
 */
public final class FigureExtractor {

    // How far a kind cue may be from its figure, in content words (function words do not count:
    // see isFunctionWord). Backwards first ("has taken 420 sq km", "penetrated about 10-15 km"),
    // then forwards for passives and relatives ("400 hectares were flooded", "the 1,000 sq km that
    // Russia seized", "23 settlements in the Kharkiv direction have already been liberated").
    static final int CUE_WINDOW_BEFORE = 8;
    static final int CUE_WINDOW_AFTER = 8;

    // Tags of words that carry no content of their own: determiners, prepositions, conjunctions,
    // particles, possessives, adverbs, modals and punctuation.
    private static final java.util.Set<String> FUNCTION_TAGS = java.util.Set.of("DT", "PDT", "IN", "CC", "TO",
            "POS", "PRP$", "RB", "RBR", "RBS", "RP", "MD", "WDT", "EX", ",", ":", "``", "''", "-LRB-", "-RRB-",
            "HYPH", "SYM", ".");

    /** One rule family: its extractor, and the token that must occur for it to run (null: always). */
    private record Stage(int id, CoreMapExpressionExtractor<MatchedExpression> extractor,
                         NodePattern<CoreMap> trigger) {
    }

    private final List<Stage> stages;
    /** Per word, the stages its trigger matches ({@link #stagesTriggeredBy}); shared by the task threads. */
    private final Map<String, Long> triggersByWord = new ConcurrentHashMap<>();
    private static final int MAX_WORDS_REMEMBERED = 200_000;
    // A number with a unit ($MEASURE of defs.rules): the gate before the rules.
    private final TokenSequencePattern measure;

    /** Builds an extractor from rule texts in their declared order ({@link RuleSource#read}). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public FigureExtractor(List<RuleSource> rulesInOrder) {
        // One environment for all files: later files see the earlier files' macros. The rules of each
        // stage (TokensRegex "stage", set by ENV.defaults["stage"] in the files) go to an extractor of
        // their own.
        Env env = TokenSequencePattern.getNewEnv();
        Map<Integer, List<SequenceMatchRules.Rule>> rulesByStage = new TreeMap<>();
        for (RuleSource rules : rulesInOrder) {
            try {
                for (SequenceMatchRules.Rule rule : new TokenSequenceParser(new StringReader(rules.text())).RuleList(env)) {
                    // Assignments (macros, defaults) took effect while parsing.
                    if (rule instanceof SequenceMatchRules.AnnotationExtractRule extractRule) {
                        rulesByStage.computeIfAbsent(extractRule.stage, k -> new ArrayList<>()).add(rule);
                    }
                }
            } catch (Exception e) {
                throw new IllegalArgumentException("cannot parse TokensRegex rules " + rules.name() + ": "
                        + e.getMessage(), e);
            } catch (Error e) {
                // The parser reports lexical errors as its (package-private) TokenMgrError.
                if (e instanceof VirtualMachineError) {
                    throw e;
                }
                throw new IllegalArgumentException("cannot parse TokensRegex rules " + rules.name() + ": "
                        + e.getMessage(), e);
            }
        }
        List<Stage> built = new ArrayList<>();
        for (Map.Entry<Integer, List<SequenceMatchRules.Rule>> stage : rulesByStage.entrySet()) {
            CoreMapExpressionExtractor<MatchedExpression> extractor = new CoreMapExpressionExtractor<>(env, stage.getValue());
            // Our rules tag nothing; without this, every call would walk the sentence to remove tags.
            extractor.keepTemporaryTags();
            String triggerName = "$STAGE" + stage.getKey() + "_TRIGGER";
            NodePattern<CoreMap> trigger = null;
            if (env.get(triggerName) != null) {
                trigger = (NodePattern<CoreMap>) TokenSequencePattern.compile(env, triggerName)
                        .findNodePattern(node -> (NodePattern) node);
                if (trigger == null) {
                    throw new IllegalArgumentException(triggerName + " must be one bracketed token pattern");
                }
            }
            built.add(new Stage(stage.getKey(), extractor, trigger));
        }
        if (built.size() > Long.SIZE) {
            throw new IllegalArgumentException("at most " + Long.SIZE + " rule stages, not " + built.size());
        }
        stages = List.copyOf(built);
        try {
            measure = TokenSequencePattern.compile(env, "$MEASURE");
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the rules must define $MEASURE (defs.rules): " + e.getMessage(), e);
        }
    }

    /**
     * Whether a figure may be in the sentence by its words alone: a token matches some stage's trigger (a unit, a
     * settlement noun, a percent sign). Every sentence {@link #extract} finds a figure in passes this test, and it
     * reads no tag, lemma or NER label (the triggers test words only: {@code FigureExtractorTest}), so on-demand tagging
     * uses it to tag up front the sentences the rules will read.
     */
    public boolean mayHoldFigure(List<CoreLabel> tokens) {
        return triggeredStages(tokens) != null;
    }

    /**
     * Returns the figures of one sentence; {@code fieldText} is the text that was annotated (the
     * title or the text), which the sentence's character offsets point into.
     */
    public List<TerritorialFigure> extract(CoreMap sentence, Field field, int sentenceIndex, String fieldText) {
        List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
        if (tokens == null || tokens.isEmpty()) {
            return List.of();
        }
        // Checked on every sentence, so that a wrong fieldText fails at once and not on the first figure.
        String sentenceText = sentenceText(sentence, tokens, fieldText);
        if (!mayHoldNumber(tokens)) {
            return List.of();
        }
        boolean[] triggered = triggeredStages(tokens);
        if (triggered == null || !measure.getMatcher(tokens).find()) {
            return List.of();
        }

        List<MatchedExpression> matches = new ArrayList<>();
        for (int s = 0; s < stages.size(); s++) {
            if (triggered[s]) {
                matches.addAll(stages.get(s).extractor().extractExpressions(sentence));
            }
        }
        String[] cueAt = new String[tokens.size()];
        boolean[] inFigure = new boolean[tokens.size()];
        boolean[] functionWord = new boolean[tokens.size()];
        boolean[] gerund = new boolean[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            functionWord[i] = isFunctionWord(tokens.get(i));
            gerund[i] = "VBG".equals(tokens.get(i).tag());
        }
        List<MatchedExpression> figures = new ArrayList<>();
        for (MatchedExpression match : matches) {
            List<Object> result = result(match);
            String type = string(result, 0);
            int[] span = tokenSpan(tokens, match);
            if ("cue".equals(type)) {
                Arrays.fill(cueAt, span[0], span[1], string(result, 1));
            } else if ("figure".equals(type)) {
                Arrays.fill(inFigure, span[0], span[1], true);
                figures.add(match);
            }
            // "block": a span that is no figure; TokensRegex already dropped the figures inside it.
        }

        // In text order, whatever stage found them.
        figures.sort(Comparator.comparingInt(m -> m.getCharOffsets().getBegin()));
        List<TerritorialFigure> out = new ArrayList<>(figures.size());
        for (MatchedExpression match : figures) {
            TerritorialFigure figure = toFigure(match, tokens, cueAt, inFigure, functionWord, gerund, field,
                    sentenceIndex, fieldText, sentenceText);
            if (figure != null) {
                out.add(figure);
            }
        }
        return out;
    }

    private static TerritorialFigure toFigure(MatchedExpression match, List<CoreLabel> tokens, String[] cueAt,
                                              boolean[] inFigure, boolean[] functionWord, boolean[] gerund,
                                              Field field, int sentenceIndex, String fieldText,
                                              String sentenceText) {
        List<Object> result = result(match);
        Quantity quantity = Quantity.valueOf(string(result, 1).toUpperCase(Locale.ROOT));
        FigureNormalizer.Range value;
        FigureNormalizer.Unit unit;
        Qualifier qualifier;
        Kind kind;
        try {
            unit = FigureNormalizer.unit(string(result, 5));
            value = FigureNormalizer.number(string(result, 4)).scaled(unit.factor());
            qualifier = FigureNormalizer.qualifier(string(result, 3));
            int[] span = tokenSpan(tokens, match);
            kind = FigureNormalizer.kind(quantity, string(result, 2),
                    nearestCue(cueAt, inFigure, functionWord, gerund, span[0], span[1]));
        } catch (IllegalArgumentException e) {
            // A match the normaliser cannot read ("hundreds", "15-10", a unit or qualifier a rule
            // edit added without Java support) is dropped: precision first, never a guess.
            return null;
        }
        if (unit.quantity() != quantity || !FigureNormalizer.plausible(quantity, kind, value)) {
            return null;
        }
        int begin = match.getCharOffsets().getBegin();
        int end = match.getCharOffsets().getEnd();
        return new TerritorialFigure(field, sentenceIndex, begin, end, fieldText.substring(begin, end), quantity,
                value.min(), value.max(), qualifier, kind, null, null, null, null, null, null, sentenceText);
    }

    /**
     * The kind of the nearest cue before the figure, else after it; a "stop" (a verb that is no cue,
     * a sentence mark) ends the search in that direction. Only content words count towards the
     * windows ({@code functionWord} marks the others), and tokens of other figures not at all.
     * After the figure, a cue in a present participle ({@code gerund}) is a stop: the figure is its
     * subject, not what it acts on ("two other towns taking precautionary measures").
     */
    static String nearestCue(String[] cueAt, boolean[] inFigure, boolean[] functionWord, boolean[] gerund,
                             int figureBegin, int figureEnd) {
        // Tokens of other figures do not count towards the window, so the figures of a list share
        // the verb that leads it ("captured 10 sq km, 20 sq km and 30 sq km").
        int seen = 0;
        for (int i = figureBegin - 1; i >= 0; i--) {
            if (inFigure[i]) {
                continue;
            }
            if (!functionWord[i] && ++seen > CUE_WINDOW_BEFORE) {
                break;
            }
            if (cueAt[i] != null) {
                if (!cueAt[i].equals("stop")) {
                    return cueAt[i];
                }
                break;
            }
        }
        seen = 0;
        for (int i = figureEnd; i < cueAt.length; i++) {
            if (inFigure[i]) {
                continue;
            }
            if (!functionWord[i] && ++seen > CUE_WINDOW_AFTER) {
                break;
            }
            if (cueAt[i] != null) {
                return cueAt[i].equals("stop") || gerund[i] ? null : cueAt[i];
            }
        }
        return null;
    }

    /**
     * {@link #nearestCue(String[], boolean[], boolean[], boolean[], int, int)} with every token a
     * content word and no participle.
     */
    static String nearestCue(String[] cueAt, boolean[] inFigure, int figureBegin, int figureEnd) {
        return nearestCue(cueAt, inFigure, new boolean[cueAt.length], new boolean[cueAt.length], figureBegin,
                figureEnd);
    }

    /** A word that does not count towards the cue windows: by its tag, or an auxiliary verb. */
    static boolean isFunctionWord(CoreLabel token) {
        String tag = token.tag();
        if (tag == null) {
            return false;
        }
        if (tag.startsWith("VB")) {
            String lemma = token.lemma();
            return "be".equals(lemma) || "have".equals(lemma) || "do".equals(lemma);
        }
        return FUNCTION_TAGS.contains(tag);
    }

    /**
     * Which stages run on the sentence: those whose trigger matches one of its tokens, and, if any
     * does, those without a trigger. Null when no trigger matches (no figure can be there).
     */
    private boolean[] triggeredStages(List<CoreLabel> tokens) {
        long triggered = 0;
        for (CoreLabel token : tokens) {
            triggered |= stagesTriggeredBy(token);
        }
        if (triggered == 0) {
            return null;
        }
        boolean[] run = new boolean[stages.size()];
        for (int s = 0; s < stages.size(); s++) {
            run[s] = stages.get(s).trigger() == null || (triggered & (1L << s)) != 0;
        }
        return run;
    }

    /**
     * The stages (a bit each) whose trigger matches the token. A trigger tests the word only
     * ({@code FigureExtractorTest}), so the answer is kept per word: it is asked of every token of every sentence,
     * and most words recur. The memory is bounded by emptying it when full.
     */
    private long stagesTriggeredBy(CoreLabel token) {
        String word = token.word();
        Long known = word == null ? null : triggersByWord.get(word);
        if (known != null) {
            return known;
        }
        long triggered = 0;
        for (int s = 0; s < stages.size(); s++) {
            NodePattern<CoreMap> trigger = stages.get(s).trigger();
            if (trigger != null && trigger.match(token)) {
                triggered |= 1L << s;
            }
        }
        if (word != null) {
            if (triggersByWord.size() >= MAX_WORDS_REMEMBERED) {
                triggersByWord.clear();
            }
            triggersByWord.put(word, triggered);
        }
        return triggered;
    }

    /**
     * A plain-Java gate before any TokensRegex pass: every number $NUMBER of defs.rules knows has a
     * CD token, a digit or a number word ("Eleven", which the tagger may call NNP; "dozen"). Widen
     * this check when $NUMBER learns a new kind of number.
     */
    private static boolean mayHoldNumber(List<CoreLabel> tokens) {
        for (CoreLabel token : tokens) {
            String word = token.word();
            if ("CD".equals(token.tag()) || (!word.isEmpty() && Character.isDigit(word.charAt(0)))
                    || NUMBER_WORDS.contains(word)
                    || (!word.isEmpty() && Character.isUpperCase(word.charAt(0))
                        && NUMBER_WORDS.contains(word.toLowerCase(Locale.ROOT)))) {
                return true;
            }
        }
        return false;
    }

    // The number words of $NUMERAL in defs.rules.
    private static final java.util.Set<String> NUMBER_WORDS = java.util.Set.of("zero", "one", "two", "three", "four",
            "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
            "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
            "eighty", "ninety", "hundred", "thousand", "million", "billion", "dozen");

    private static String sentenceText(CoreMap sentence, List<CoreLabel> tokens, String fieldText) {
        Integer begin = sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
        Integer end = sentence.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
        if (begin == null || end == null) {
            begin = tokens.get(0).beginPosition();
            end = tokens.get(tokens.size() - 1).endPosition();
        }
        String annotated = sentence.get(CoreAnnotations.TextAnnotation.class);
        if (end > fieldText.length() || (annotated != null && !fieldText.startsWith(annotated, begin))) {
            throw new IllegalArgumentException("the sentence's offsets do not point into fieldText: pass the very"
                    + " text (title or text) that was annotated, sentence " + begin + "-" + end);
        }
        return fieldText.substring(begin, end);
    }

    /** Token indices [begin, end) of a match within the sentence, found by character offsets. */
    private static int[] tokenSpan(List<CoreLabel> tokens, MatchedExpression match) {
        int charBegin = match.getCharOffsets().getBegin();
        int charEnd = match.getCharOffsets().getEnd();
        int begin = 0;
        while (begin < tokens.size() && tokens.get(begin).beginPosition() < charBegin) {
            begin++;
        }
        int end = begin;
        while (end < tokens.size() && tokens.get(end).endPosition() <= charEnd) {
            end++;
        }
        return new int[] {begin, end};
    }

    @SuppressWarnings("unchecked")
    private static List<Object> result(MatchedExpression match) {
        Object value = match.getValue() == null ? null : match.getValue().get();
        if (!(value instanceof List)) {
            throw new IllegalStateException("rule result is not a list (defs.rules, RESULT CONTRACT): " + match.getText());
        }
        return (List<Object>) value;
    }

    /** Item i of a rule result as a string; NIL and absent optional groups give null. */
    private static String string(List<Object> result, int i) {
        if (i >= result.size()) {
            return null;
        }
        Object item = result.get(i);
        if (item instanceof Value v) {
            item = v.get();
        }
        return item == null ? null : Objects.toString(item);
    }
}
