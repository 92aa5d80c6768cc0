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
 * @param weakLocatives     locatives too common before other names ("told Wired", "on Linux") to make a name the
 *                          gazetteer lacks a place on their own
 * @param districtWords     words after a name that make it a second-level region ("Bakhmut district", "Butler County")
 * @param districtWordsPlural the same after a list of names ("the Bakhmut and Pokrovsk districts")
 * @param compassWords      words CoreNLP tags LOCATION that name no place alone ("the West", "the south")
 * @param settlementWords   nouns that make the name after them (or after "of") a place ("the village of Robotyne")
 * @param officeWords       offices a place's name qualifies ("Milwaukee Mayor", "Kharkiv Governor")
 */
public record PlaceGuards(Set<String> regionWords, Set<String> regionWordsPlural, Set<String> facilityWords,
                          Set<String> organizationHeads, Set<String> locatives, Set<String> weakLocatives,
                          Set<String> districtWords, Set<String> districtWordsPlural, Set<String> compassWords,
                          Set<String> settlementWords, Set<String> officeWords) {

    /** Parses guards.tsv. */
    public static PlaceGuards load(byte[] tsv) {
        WordLists w = WordLists.parse(tsv, "guards.tsv",
                Set.of("region_word", "region_word_plural", "facility_word", "organization_head", "locative",
                        "weak_locative", "district_word", "district_word_plural", "compass_word", "settlement_word", "office_word"));
        return new PlaceGuards(w.set("region_word"), w.set("region_word_plural"), w.set("facility_word"),
                w.set("organization_head"), w.set("locative"), w.set("weak_locative"), w.set("district_word"),
                w.set("district_word_plural"), w.set("compass_word"), w.set("settlement_word"), w.set("office_word"));
    }
}
