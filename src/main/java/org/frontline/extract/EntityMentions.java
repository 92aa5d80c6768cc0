package org.frontline.extract;

import java.util.ArrayList;
import java.util.List;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.CoreMap;

/** The named-entity mentions of one CoreNLP sentence, without the pronouns CoreNLP adds to them. */
public final class EntityMentions {
    private EntityMentions() {
    }

    /**
     * A named mention: its NER type, text, character offsets into the annotated field, and its tokens' positions
     * in the sentence ({@code firstToken} inclusive, {@code endToken} exclusive).
     */
    public record Mention(String type, String text, int charBegin, int charEnd, List<CoreLabel> tokens) {
        public int firstToken() {
            return tokens.get(0).index() - 1; // CoreLabel.index() counts from 1 within the sentence
        }

        public int endToken() {
            return tokens.get(tokens.size() - 1).index();
        }
    }

    /**
     * The sentence's entity mentions of the given types. CoreNLP's entity mentions include pronouns ("he" as
     * PERSON) although their tokens are tagged O (FACTS.md): a mention counts only if its tokens carry its type.
     */
    public static List<Mention> of(CoreMap sentence, String... types) {
        List<CoreMap> mentions = sentence.get(CoreAnnotations.MentionsAnnotation.class);
        List<Mention> out = new ArrayList<>();
        if (mentions == null) {
            return out;
        }
        for (CoreMap m : mentions) {
            String type = coarse(m.get(CoreAnnotations.NamedEntityTagAnnotation.class));
            if (!isOneOf(type, types)) {
                continue;
            }
            List<CoreLabel> tokens = m.get(CoreAnnotations.TokensAnnotation.class);
            if (tokens == null || tokens.isEmpty() || !type.equals(coarse(tokens.get(0).ner())) || isPronoun(tokens)) {
                continue;
            }
            out.add(new Mention(type, m.get(CoreAnnotations.TextAnnotation.class),
                    m.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class),
                    m.get(CoreAnnotations.CharacterOffsetEndAnnotation.class), tokens));
        }
        return out;
    }

    /**
     * The coarse type of a fine-grained NER tag (profiles with fine-grained NER tag CITY, COUNTRY,
     * STATE_OR_PROVINCE where the coarse models say LOCATION): the extractors read coarse types.
     */
    public static String coarse(String tag) {
        if (tag == null) {
            return "O";
        }
        return switch (tag) {
            case "CITY", "COUNTRY", "STATE_OR_PROVINCE" -> "LOCATION";
            default -> tag;
        };
    }

    private static boolean isPronoun(List<CoreLabel> tokens) {
        return tokens.stream().allMatch(t -> t.tag() != null && t.tag().startsWith("PRP"));
    }

    private static boolean isOneOf(String type, String[] types) {
        for (String t : types) {
            if (t.equals(type)) {
                return true;
            }
        }
        return false;
    }
}
