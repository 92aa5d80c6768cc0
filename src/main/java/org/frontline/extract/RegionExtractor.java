package org.frontline.extract;

import java.util.List;

import edu.stanford.nlp.util.CoreMap;

/**
 * Place mentions of a sentence, from CoreNLP's LOCATION entities. Until the gazetteer resolves them, a place
 * is identified by its normalised name ({@code name:<slug>}) with type {@code other} and no coordinates.
 */
public final class RegionExtractor {

    /** The sentence's places; offsets point into {@code field}'s cleaned text. */
    public List<RegionMention> extract(CoreMap sentence, Field field, int sentenceIndex) {
        return EntityMentions.of(sentence, "LOCATION").stream()
                .map(m -> new RegionMention(field, sentenceIndex, m.charBegin(), m.charEnd(), m.text(),
                        "name:" + Names.slug(m.text()), Names.display(m.text()), "other", null, null, null))
                .toList();
    }
}
