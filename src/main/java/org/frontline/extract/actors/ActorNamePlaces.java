package org.frontline.extract.actors;

import org.frontline.extract.AnnotatedDocument;
import org.frontline.extract.Extractor;
import org.frontline.extract.Findings;
import org.frontline.extract.RegionMention;

/**
 * Drops the places that are part of an actor's name ("Armed Forces of Ukraine", "Kyiv Post"), as {@link
 * ActorExtractor} found the names: they name no place. A place that opens the name as a possessive stays
 * ("Russia's Defence Ministry" names Russia). Runs after the actors, before anything that reads places.
 */
public final class ActorNamePlaces implements Extractor {

    @Override
    public void extract(AnnotatedDocument document, Findings findings) {
        findings.removeRegions(p -> insideAName(p, document, findings));
    }

    private static boolean insideAName(RegionMention p, AnnotatedDocument document, Findings findings) {
        for (Findings.NameSpan name : findings.actorNames()) {
            if (name.field() != p.field() || name.sentenceIndex() != p.sentenceIndex()) {
                continue;
            }
            String text = document.field(name.field()).text();
            boolean inside = p.charBegin() >= name.charBegin() && p.charEnd() <= name.charEnd();
            boolean possessiveStart = p.charBegin() == name.charBegin() && p.charEnd() < name.charEnd()
                    && (text.startsWith("'s", p.charEnd()) || text.startsWith("\u2019s", p.charEnd()));
            if (inside && !possessiveStart) {
                return true;
            }
        }
        return false;
    }
}
