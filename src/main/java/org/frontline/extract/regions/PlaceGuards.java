package org.frontline.extract.regions;

import java.util.Set;

import org.frontline.extract.WordLists;

/**
 * The words around a name that decide whether {@link PlaceFinder} takes it for a place, from
 * {@code conf/gazetteer/guards.tsv} (its header says what each list is for).
 *
 * @param regionWords       words after a name that make it a first-level region ("Kursk region"), lower case
 * @param regionWordsPlural the same after a list of names ("Kharkiv and Donetsk regions")
 * @param facilityWords     words after a place's name that make it part of a facility's name ("Kursk nuclear
 *                          power station")
 * @param organizationHeads capitalised heads of organisations' names ("Columbus Division of Police"), as written
 * @param locatives         prepositions that introduce a place ("near Sudzha")
 */
public record PlaceGuards(Set<String> regionWords, Set<String> regionWordsPlural, Set<String> facilityWords,
                          Set<String> organizationHeads, Set<String> locatives) {

    /** Parses guards.tsv. */
    public static PlaceGuards load(byte[] tsv) {
        WordLists w = WordLists.parse(tsv, "guards.tsv",
                Set.of("region_word", "region_word_plural", "facility_word", "organization_head", "locative"));
        return new PlaceGuards(w.set("region_word"), w.set("region_word_plural"), w.set("facility_word"),
                w.set("organization_head"), w.set("locative"));
    }
}
