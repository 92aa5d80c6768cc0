package org.frontline.extract.regions;

import org.frontline.extract.Field;

/**
 * A stretch of a title or text that names a place, before it is resolved to a region.
 *
 * @param name          the part to look up in the gazetteer ("Kursk" of "Kursk region")
 * @param firstLevel    the text says it is a first-level region ("Kursk region", "Donetsk and Luhansk oblasts")
 * @param district      the text says it is a second-level region ("Bakhmut district", "Pokrovsk raion", "Butler County")
 * @param fromNer       CoreNLP tagged it LOCATION; otherwise the gazetteer found it in the tokens
 * @param needsSupport  found in a title-cased title, where capitals say nothing: kept only if the place is also
 *                      named in the article's text, or is a country, first-level or curated region
 */
record PlaceSpan(Field field, int sentenceIndex, int charBegin, int charEnd, String surface, String name,
                 boolean firstLevel, boolean district, boolean fromNer, boolean needsSupport) {

    /** The same span read as a first-level region (or, with {@code district}, a second-level one). */
    PlaceSpan asLevel(boolean asDistrict) {
        return new PlaceSpan(field, sentenceIndex, charBegin, charEnd, surface, name, !asDistrict, asDistrict, fromNer,
                needsSupport);
    }
}
