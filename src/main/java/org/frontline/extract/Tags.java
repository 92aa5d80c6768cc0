package org.frontline.extract;

import java.util.List;
import java.util.function.Predicate;

import edu.stanford.nlp.ling.CoreAnnotation;
import edu.stanford.nlp.ling.CoreLabel;

/**
 * Part-of-speech tags and lemmas as the extractors read them. With on-demand tagging (the default profile) the
 * annotate stage tags up front only the sentences the figure rules or NER will read tags of, and leaves on every
 * token of the other sentences a {@link Pending} hook, which tags that whole sentence on the first read of any of
 * its tags. The tagger works a sentence at a time, so the tags are those a full pipeline gives; sentences whose tags
 * nothing reads are never tagged. Where every tag the tagger may give a word answers a question alike,
 * {@link #is} answers it without tagging.
 */
public final class Tags {
    private Tags() {
    }

    /** A sentence not tagged yet. */
    public interface Pending {
        /** Tags the whole sentence with parts of speech (a second call does nothing). */
        void tag();

        /** Tags the whole sentence with parts of speech if not yet, and lemmas; the hooks are gone after. */
        void lemmatise();

        /** Every tag the tagger may give {@code word} in any sentence; null when that is not known. */
        String[] possibleTags(String word);
    }

    /** The hook on each token of a sentence not tagged yet. */
    public static final class OnDemand implements CoreAnnotation<Pending> {
        @Override
        public Class<Pending> getType() {
            return Pending.class;
        }
    }

    /** The token's part-of-speech tag, tagging its sentence first if it was left for later. */
    public static String tag(CoreLabel token) {
        String tag = token.tag();
        return tag != null ? tag : tagSentenceOf(token) ? token.tag() : null;
    }

    /** The token's lemma, tagging its sentence first if it was left for later. */
    public static String lemma(CoreLabel token) {
        String lemma = token.lemma();
        if (lemma != null) {
            return lemma;
        }
        Pending pending = token.get(OnDemand.class);
        if (pending == null) {
            return null;
        }
        pending.lemmatise();
        return token.lemma();
    }

    /**
     * Whether the token's tag passes {@code test} (false without a tag). For a token of a sentence left for later,
     * decided without tagging when every tag the tagger may give its word answers alike.
     */
    public static boolean is(CoreLabel token, Predicate<String> test) {
        Boolean known = withoutTagging(token, test);
        if (known != null) {
            return known;
        }
        String tag = tag(token);
        return tag != null && test.test(tag);
    }

    /** Whether {@link #is}({@code token}, {@code test}) is {@code wanted}: one question of {@link #all(List)}. */
    public record Question(CoreLabel token, Predicate<String> test, boolean wanted) {
    }

    /** Whether every token's tag passes {@code test}, as {@link #all(List)} asks it. */
    public static boolean all(List<CoreLabel> tokens, Predicate<String> test) {
        return all(tokens.stream().map(t -> new Question(t, test, true)).toList());
    }

    /**
     * Whether every question gets the answer it wants. Those answered without tagging are asked first, so that one
     * unwanted answer among them spares tagging the sentence ("The" in "The Hill" may be a pronoun, "Hill" is none).
     */
    public static boolean all(List<Question> questions) {
        for (Question q : questions) {
            Boolean known = withoutTagging(q.token(), q.test());
            if (known != null && known != q.wanted()) {
                return false;
            }
        }
        for (Question q : questions) {
            if (is(q.token(), q.test()) != q.wanted()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The answer of {@link #is} where it needs no tagging: the token has its tag, or none is coming, or every tag
     * the tagger may give its word answers alike; else null.
     */
    private static Boolean withoutTagging(CoreLabel token, Predicate<String> test) {
        String tag = token.tag();
        if (tag != null) {
            return test.test(tag);
        }
        Pending pending = token.get(OnDemand.class);
        if (pending == null) {
            return false;
        }
        String[] possible = pending.possibleTags(token.word());
        if (possible == null || possible.length == 0) {
            return null;
        }
        boolean all = true;
        boolean none = true;
        for (String p : possible) {
            boolean passes = test.test(p);
            all &= passes;
            none &= !passes;
        }
        return all || none ? all : null;
    }

    private static boolean tagSentenceOf(CoreLabel token) {
        Pending pending = token.get(OnDemand.class);
        if (pending == null) {
            return false;
        }
        pending.tag();
        return true;
    }
}
