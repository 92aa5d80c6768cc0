package org.frontline.extract;

import java.util.List;
import java.util.Locale;

import edu.stanford.nlp.util.CoreMap;

/**
 * Actor mentions of a sentence, from CoreNLP's PERSON and ORGANIZATION entities (pronouns excluded). Until the
 * alias table resolves them, an actor is identified by its normalised name ({@code name:<slug>}).
 */
public final class ActorExtractor {

    /** The sentence's people and organisations; offsets point into {@code field}'s cleaned text. */
    public List<ActorMention> extract(CoreMap sentence, Field field, int sentenceIndex) {
        return EntityMentions.of(sentence, "PERSON", "ORGANIZATION").stream()
                .map(m -> new ActorMention(field, sentenceIndex, m.charBegin(), m.charEnd(), m.text(),
                        "name:" + Names.slug(m.text()), Names.display(m.text()),
                        m.type().toLowerCase(Locale.ROOT), null, null))
                .toList();
    }
}
