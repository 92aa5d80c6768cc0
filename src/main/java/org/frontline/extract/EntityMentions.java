package org.frontline.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
            if (tokens == null || tokens.isEmpty() || !type.equals(coarse(tokens.get(0).ner()))
                    || isPronoun(tokens, sentence)) {
                continue;
            }
            out.addAll(splitAtHeadlineWords(type, tokens, new Mention(type, m.get(CoreAnnotations.TextAnnotation.class),
                    m.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class),
                    m.get(CoreAnnotations.CharacterOffsetEndAnnotation.class), tokens)));
        }
        return out;
    }

    /**
     * Capitalised words of a title-cased headline that no name holds: verbs of reporting and acting and the
     * words between clauses. CoreNLP runs a headline's capitalised words into one entity ("Argentina Says
     * Criminal Groups Are", "Mahmoud Abbas Visits Jenin Refugee Camp After Israeli Raid"); in running text they
     * are lower-case and never inside an entity, so splitting there changes nothing else.
     */
    private static final Set<String> HEADLINE_WORDS = Set.of("Says", "Said", "Say", "Is", "Are", "Was", "Were", "Be",
            "Been", "Has", "Have", "Had", "Will", "Would", "Could", "Should", "Can", "May", "Might", "Must", "Does", "Did",
            "After", "Amid", "Before", "Despite", "Over", "Against", "As", "While", "Into", "From", "With", "Without",
            "Visits", "Visit", "Warns", "Warn", "Urges", "Urge", "Calls", "Vows", "Slams", "Claims", "Denies", "Meets",
            "Hits", "Backs", "Seeks", "Wins", "Loses", "Gets", "Takes", "Makes", "Plans", "Faces", "Reveals", "Launches",
            "Announces", "Confirms", "Accuses", "Rejects", "Agrees", "Signs", "Sends", "Kills", "Attacks", "Strikes",
            "Captures", "Retakes", "Pushes", "Tells", "Asks", "Wants", "Needs", "Opens", "Blocks", "Bans", "Orders");

    /** A mention cut at the headline words inside it (see {@link #HEADLINE_WORDS}): its parts, or itself. */
    private static List<Mention> splitAtHeadlineWords(String type, List<CoreLabel> tokens, Mention whole) {
        if (tokens.stream().noneMatch(t -> HEADLINE_WORDS.contains(t.word()))) {
            return List.of(whole);
        }
        List<Mention> parts = new ArrayList<>();
        int start = 0;
        for (int t = 0; t <= tokens.size(); t++) {
            if (t == tokens.size() || HEADLINE_WORDS.contains(tokens.get(t).word())) {
                if (t > start) {
                    List<CoreLabel> part = tokens.subList(start, t);
                    StringBuilder text = new StringBuilder();
                    for (int k = 0; k < part.size(); k++) {
                        if (k > 0 && part.get(k).beginPosition() > part.get(k - 1).endPosition()) {
                            text.append(' ');
                        }
                        text.append(part.get(k).word());
                    }
                    parts.add(new Mention(type, text.toString(), part.get(0).beginPosition(),
                            part.get(part.size() - 1).endPosition(), part));
                }
                start = t + 1;
            }
        }
        return parts;
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

    /**
     * A mention whose words the tagger calls pronouns. A word in capitals ("US") is a pronoun only in a sentence
     * written in capitals ("TRUMP TELLS US"), so in running text it is none, whatever its tag: the tagger's lexicon
     * allows "US" PRP, and asking would tag the sentence for that alone.
     */
    private static boolean isPronoun(List<CoreLabel> tokens, CoreMap sentence) {
        if (tokens.stream().anyMatch(t -> inCapitals(t.word()))
                && !inCapitals(sentence.get(CoreAnnotations.TextAnnotation.class))) {
            return false;
        }
        return Tags.all(tokens, tag -> tag.startsWith("PRP"));
    }

    /** Two letters or more, and none of them lower-case. */
    private static boolean inCapitals(String text) {
        return text.codePoints().filter(Character::isLetter).limit(2).count() == 2
                && text.codePoints().noneMatch(Character::isLowerCase);
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
