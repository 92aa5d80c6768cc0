package org.frontline.extract.actors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import org.frontline.extract.ActorMention;
import org.frontline.extract.AnnotatedField;

/**
 * Acronyms an article defines for its actors: "the National Electoral Council (CNE) … the CNE", "the Russian
 * Ministry of Defense (MoD)", "GUR (Ukraine's Main Intelligence Directorate)". Every use of the acronym in the
 * article is then that actor, whatever the alias table or CoreNLP made of it, and a use CoreNLP did not tag is
 * added: within one article an author's own definition is the best evidence there is.
 */
final class Acronyms {
    /** An acronym: 2 to 8 letters or digits, at least two capitals ("CNE", "MoD", "UNHCR", "G7", "HUR"). */
    private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}[\\p{L}\\d&]{1,7}");
    /** "(ACR)" right after a name. */
    private static final Pattern ACRONYM_AFTER = Pattern.compile("\\G\\s*\\((" + ACRONYM.pattern() + ")\\)");
    /** An opening bracket right after an acronym: "GUR (Ukraine's Main Intelligence Directorate)". */
    private static final Pattern BRACKET_AFTER = Pattern.compile("\\G\\s*\\(");

    private Acronyms() {
    }

    /** The article's mentions with its defined acronyms resolved, sorted by field and position. */
    static List<ActorMention> resolve(List<ActorMention> mentions, List<AnnotatedField> fields) {
        Map<String, ActorMention> defined = definitions(mentions, fields);
        if (defined.isEmpty()) {
            return mentions;
        }
        List<ActorMention> out = new ArrayList<>(mentions.size());
        for (ActorMention m : mentions) {
            ActorMention actor = defined.get(m.surface());
            out.add(actor == null || actor == m ? m : as(m, actor));
        }
        // Uses CoreNLP left untagged ("… said the CNE"), outside every other mention.
        for (AnnotatedField f : fields) {
            for (int s = 0; s < f.sentences().size(); s++) {
                for (CoreLabel t : f.sentences().get(s).get(CoreAnnotations.TokensAnnotation.class)) {
                    ActorMention actor = defined.get(t.word());
                    if (actor != null && out.stream().noneMatch(o -> o.field() == f.field()
                            && o.charBegin() < t.endPosition() && t.beginPosition() < o.charEnd())) {
                        out.add(new ActorMention(f.field(), s, t.beginPosition(), t.endPosition(), t.word(),
                                actor.actorId(), actor.actorName(), actor.actorType(), null, actor.countryCode()));
                    }
                }
            }
        }
        out.sort(Comparator.comparing(ActorMention::field).thenComparingInt(ActorMention::charBegin));
        return out;
    }

    /**
     * Acronym → the actor it is defined for: a mention followed by "(ACR)", or an acronym mention followed by
     * "(Full Name)" that is another mention. Where the acronym is itself a mention, the longer name wins.
     */
    private static Map<String, ActorMention> definitions(List<ActorMention> mentions, List<AnnotatedField> fields) {
        Map<String, ActorMention> defined = new HashMap<>();
        for (ActorMention m : mentions) {
            String text = fieldText(fields, m);
            if (text == null) {
                continue;
            }
            Matcher after = ACRONYM_AFTER.matcher(text);
            // Organisations and forces define acronyms; "(AP)" after a person's name is a credit, not a definition.
            boolean institution = m.actorType().equals("organization") || m.actorType().equals("force");
            if (institution && after.find(m.charEnd()) && isAcronym(after.group(1)) && !after.group(1).equals(m.surface())
                    && m.surface().contains(" ")) {
                defined.putIfAbsent(after.group(1), m);
            }
            if (isAcronym(m.surface())) {
                Matcher open = BRACKET_AFTER.matcher(text);
                if (open.find(m.charEnd())) {
                    int inside = open.end();
                    mentions.stream().filter(o -> o.field() == m.field() && !o.actorType().equals("person")
                                    && !o.actorType().equals("media") && o.charBegin() >= inside
                                    && o.charBegin() <= inside + 1 && o.surface().contains(" ")
                                    && text.startsWith(")", o.charEnd()))
                            .findFirst().ifPresent(full -> defined.putIfAbsent(m.surface(), full));
                }
            }
        }
        return defined;
    }

    /** At least two capitals, and not a plain capitalised word ("Kyiv"). */
    static boolean isAcronym(String word) {
        if (!ACRONYM.matcher(word).matches()) {
            return false;
        }
        long capitals = word.chars().filter(Character::isUpperCase).count();
        return capitals >= 2 || word.chars().anyMatch(Character::isDigit);
    }

    private static String fieldText(List<AnnotatedField> fields, ActorMention m) {
        for (AnnotatedField f : fields) {
            if (f.field() == m.field()) {
                return f.text();
            }
        }
        return null;
    }

    private static ActorMention as(ActorMention m, ActorMention actor) {
        return new ActorMention(m.field(), m.sentenceIndex(), m.charBegin(), m.charEnd(), m.surface(), actor.actorId(),
                actor.actorName(), actor.actorType(), m.role(), actor.countryCode());
    }
}
